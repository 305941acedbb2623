// News organisations an article cites as its sources: a known agency or outlet name (data list)
// next to a citing cue — "according to X", "per the X", "told X", "cited in X", "X reported",
// "news agency X", or an "(X)" dateline. A name merely mentioned is not a cited source.
import { loadData } from '../data.ts';

interface SourceEntry {
  name: string;
  aliases: string[];
}

interface AliasPattern {
  name: string;
  alias: string;
}

const CUE_BEFORE =
  /(?:according to|\bper|\btold|cited (?:in|by)|citing|quoted (?:in|by)|quoting|reported by|report (?:by|from|in)|reports? from|in an interview with|interviewed by|speaking to|spoke to|spoke with|confirmed to|statement to|wrote in|writing in|news agency|press agency|agency|outlet|newspaper|broadcaster|channel|daily|via)\s+(?:the\s+)?(?:(?:state|state-run|state-owned|official|semi-official|government|news|wire|service)[\s-]+)*$/i;
const CUE_AFTER =
  /^(?:'s? |’s? )?(?:\s*(?:news agency|newswire|news|agency|wire service)\s*)?[\s,]*(?:has |had |first |also |previously |later |earlier )?(?:reported|reports|reporting|said|says|quoted|cited|citing|noted|wrote|writes|published|confirmed|learned|obtained|revealed|contributed|report|reporter|correspondent|journalist)\b/i;
const DATELINE = /\(\s*$/;
const DATELINE_AFTER = /^\s*\)/;

let patterns: AliasPattern[] | undefined;

function aliasPatterns(): AliasPattern[] {
  if (patterns) return patterns;
  const entries = loadData<{ sources: SourceEntry[] }>('news-sources.json').sources;
  patterns = entries.flatMap((entry) => entry.aliases.map((alias) => ({ name: entry.name, alias })));
  return patterns;
}

/** Canonical names of cited news organisations, in order of first citation. */
export function findCitedSources(text: string): string[] {
  const found = new Map<string, number>();
  for (const entry of aliasPatterns()) {
    const { name, alias } = entry;
    // The pattern matches the alias as written: a text without it needs no regular expression.
    if (!text.includes(alias)) continue;
    for (let at = wholeAlias(text, alias, 0); at >= 0; at = wholeAlias(text, alias, at + alias.length)) {
      const before = text.slice(Math.max(0, at - 60), at);
      const after = text.slice(at + alias.length, at + alias.length + 60);
      if (isCitation(before, after)) {
        if (!found.has(name) || found.get(name)! > at) found.set(name, at);
        break;
      }
    }
  }
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

function isCitation(before: string, after: string): boolean {
  if (DATELINE.test(before) && DATELINE_AFTER.test(after)) return true;
  return CUE_BEFORE.test(before) || CUE_AFTER.test(after);
}

const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_AFTER = /^[\p{L}\p{N}]/u;

/**
 * Where the alias next stands as written from `from` on, with no letter or digit right before or
 * after it; -1 when nowhere. (One Unicode expression per alias cost 50 ms to compile per process.)
 */
function wholeAlias(text: string, alias: string, from: number): number {
  for (let at = text.indexOf(alias, from); at >= 0; at = text.indexOf(alias, at + 1)) {
    // Two code units each side: a letter outside the basic plane is a surrogate pair.
    const end = at + alias.length;
    if (
      !LETTER_BEFORE.test(text.slice(Math.max(0, at - 2), at)) &&
      !LETTER_AFTER.test(text.slice(end, end + 2))
    )
      return at;
  }
  return -1;
}

/** Drops the publisher itself ("told The Hill" on thehill.com is its own reporting, not a cited source). */
export function withoutOwnSite(sources: string[], site: string | null, url: string | null): string[] {
  const own = [site, hostName(url)].filter((v): v is string => Boolean(v)).map(squash);
  if (!own.length) return sources;
  return sources.filter((name) => {
    const key = squash(name);
    return key.length < 2 || !own.some((o) => o === key || o.includes(key) || key.includes(o));
  });
}

function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(com|co\.uk|org|net|in|ca)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
