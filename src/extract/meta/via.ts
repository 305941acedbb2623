// The syndication line feed aggregators append ("via ZeroHedge News https://ift.tt/QmDrY7Z Tyler
// Durden"): the feed's name and the link back to the original.
import type { Via } from '../../model/index.ts';

const VIA_LINE = /^via\s+(.{2,80}?)\s+(https?:\/\/\S+)(?:\s+.*)?$/is;

export function parseViaLine(line: string): Via | null {
  const m = VIA_LINE.exec(line.trim());
  if (!m) return null;
  return { name: m[1]!.replace(/[\s:,-]+$/, ''), url: m[2]!.replace(/[.,;)]+$/, '') };
}
