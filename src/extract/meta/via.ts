// The syndication line feed aggregators append ("via ZeroHedge News https://ift.tt/QmDrY7Z Tyler
// Durden"): the feed's name and the link back to the original. A bare "Via: The Guardian" line
// gives the name alone.
import type { Via } from '../../model/index.ts';

const VIA_LINE = /^via\s+(.{2,80}?)\s+(https?:\/\/\S+)(?:\s+.*)?$/is;
const VIA_NAME_ONLY =
  /^via\s*:?\s+((?:the\s+)?[\p{Lu}\d][\p{L}\d&'’.-]*(?:\s+[\p{Lu}\d&][\p{L}\d&'’.-]*){0,5})\.?$/u;

export function parseViaLine(line: string): Via | null {
  const text = line.trim();
  const m = VIA_LINE.exec(text);
  if (m) return { name: m[1]!.replace(/[\s:,-]+$/, ''), url: m[2]!.replace(/[.,;)]+$/, '') };
  const bare = VIA_NAME_ONLY.exec(text.replace(/^Via\b/, 'via'));
  return bare ? { name: bare[1]!, url: null } : null;
}
