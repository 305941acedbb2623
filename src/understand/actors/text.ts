// Tokens with offsets and the normal form used to look words up in the knowledge base.

export interface Token {
  /** Surface text. */
  text: string;
  start: number;
  end: number;
  /** Lower case, no accents, no dots, straight apostrophes: "U.S." -> "us", "Élysée" -> "elysee". */
  key: string;
}

// Abbreviations with inner dots (U.S., U.N.), words with inner hyphens or apostrophes (Le Drian,
// O'Brien, Ho-jen), then the possessive 's on its own, then any other single non-space character.
const TOKEN =
  /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*(?=['’]s\b)|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\.?|['’]s\b|\S/gu;

export function normalizeKey(text: string): string {
  if (/^[A-Za-z0-9 ]*$/.test(text)) return text.toLowerCase().trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .trim();
}

/** A word ending in a dot keeps it only when it is an abbreviation (Gen., U.S.); a sentence's full stop is its own token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let surface = m[0];
    const start = m.index;
    if (surface.length > 1 && surface.endsWith('.') && !ABBREVIATION.test(surface)) {
      surface = surface.slice(0, -1);
      tokens.push(makeToken(surface, start));
      tokens.push(makeToken('.', start + surface.length));
      continue;
    }
    tokens.push(makeToken(surface, start));
  }
  return tokens;
}

// Dotted initials (U.S., G.) and the common short titles keep their dot.
const ABBREVIATION =
  /^(?:\p{L}(?:\.\p{L})*\.|(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Prof|Rev|St|Jr|Sr|Brig|Pres|Amb|No|Inc|Corp|Ltd|Co|Mt|Ft|vs|Dept|Gen|Supt|Insp)\.)$/u;

function makeToken(text: string, start: number): Token {
  return { text, start, end: start + text.length, key: normalizeKey(text) };
}

/** Singular and plural forms of a lower-case phrase (plural on its last word). */
export function withPlurals(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words[words.length - 1] ?? '';
  const stem = words.slice(0, -1).join(' ');
  const join = (w: string) => (stem ? `${stem} ${w}` : w);
  let plural: string;
  if (/man$/.test(last)) plural = last.replace(/man$/, 'men');
  else if (/[^aeiou]y$/.test(last)) plural = last.slice(0, -1) + 'ies';
  else if (/(s|x|ch|sh)$/.test(last)) plural = last + 'es';
  else plural = last + 's';
  return [phrase, join(plural)];
}
