// Imports the verb patterns of the CAMEO verb dictionary (CAMEO.2.0.txt of the PETRARCH2 dictionaries,
// Open Event Data Alliance, MIT) into data/events/cameo-verbs.json, in the project's pattern syntax
// (src/understand/events/lexicon.ts): "verb ~ noun" where the dictionary says "- * NOUN [code]".
//
// The dictionary's blocks ("--- ATTACK [190] ---") list verbs (with irregular forms and their own codes)
// and phrase patterns. PETRARCH matches the words of a pattern against the parse tree; here they are
// matched in order with short gaps between them:
//   - "* WORD", "* {A B}" (a noun phrase: words in a row), "* (PREP NOUN)" (a prepositional phrase):
//     the verb, then each part, "~" between parts and between a preposition and its noun;
//   - &SET names a synonym set of the dictionary, expanded to alternatives;
//   - $ (source), + (target), ^ (skip) and % (compound) mark actors and are dropped;
//   - patterns with words before the verb ("&MILITARY * EXERCISES") need the subject and are left out,
//     since a pattern here must start at its verb;
//   - "[a:b]" codes keep the first code given; "[---]" patterns cancel a reading and are converted
//     separately (scripts/import-cameo-cancels.ts → data/events/cancels.json);
//   - a pattern holds for the verb it was written for (named in its comment: "# RUSH") and that verb's
//     forms; --block-synonyms applies it to every verb of the block as PETRARCH does (measured worse
//     here: without the parse tree, "supply ~ salary" or "keep ~ up ~ offensive" match too much);
//   - patterns made of function words only ("* (TO)") are left out;
//   - a verb alone is left out: without the parse tree it is too ambiguous (measured: adding the
//     dictionary's lone verbs lowers precision on every development set); the project's own list
//     (verbs.json) holds the lone verbs, each checked against its arguments by the coder.
//     --single-verbs adds them (a verb's own code, else its block's) for measuring;
//   - general statements (010) are no events and are left out;
//   - verbs the coder reads as cues of modality or reported speech (data/events/frames.json: "expect",
//     "plan", "say", …) anchor no imported pattern: the act they introduce is coded, with its modality.
// Usage: node --import tsx scripts/import-cameo-verbs.ts [CAMEO.2.0.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cameo } from '../src/understand/events/ontology.ts';
import { stem } from '../src/understand/events/text.ts';

const args = process.argv.slice(2);
const source = args.find((a) => a.endsWith('.txt')) ?? '/work/shared/data/phoenix/CAMEO.2.0.txt';
/** "verb": a pattern holds for the verb it was written for; "block": for every verb of its block. */
const SYNONYMS = args.includes('--block-synonyms') ? 'block' : 'verb';
const lines = readFileSync(source, 'utf8').split('\n');

const word = (w: string) => w.toLowerCase().replace(/^\+/, '').replace(/_+$/, '').replace(/_+/g, '_');

/** &NAME → its members ("armed_forces" for +ARMED_FORCES). */
function synonymSets(): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of lines) {
    const line = raw.replace(/#.*/, '').trim();
    if (/^&[A-Z_]+$/.test(line)) {
      current = [];
      sets.set(line.replace(/_$/, ''), current);
    } else if (current && line.startsWith('+')) current.push(word(line.slice(1).trim()));
    else if (!line || line.startsWith('---')) current = null;
  }
  return sets;
}

const sets = synonymSets();

/** One word of a pattern: a plain word or a synonym set, as alternatives; null when unusable. */
function alternatives(w: string): string | null {
  if (w.startsWith('&')) {
    const members = sets.get(w.replace(/_$/, ''));
    return members?.length ? [...new Set(members)].join('|') : null;
  }
  if (/^[A-Z][A-Z'-]*_?$/.test(w)) return word(w);
  return null;
}

const MARKERS = new Set(['$', '+', '^', '%']);

/** Words that alone cannot tell a sense apart without the parse tree ("* (TO)", "* UP"). */
const FUNCTION_WORDS = new Set(
  'since with it away off out down up in on into over for from to by at of as about back the a an toward towards against through under upon after before between among'.split(
    ' ',
  ),
);
const contentful = (pattern: string) => pattern.split(/[\s|~]+/).some((w) => w && !FUNCTION_WORDS.has(w));

/** The part of a pattern after the verb, in pattern syntax ("~ to ~ border"); null when unusable. */
function after(text: string): string | null {
  const parts: string[] = [];
  // Tokens: "{...}" noun phrases, "(...)" prepositional phrases, single words.
  const re = /\{([^}]*)\}|\(([^)]*)\)|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      const words = m[1]
        .trim()
        .split(/\s+/)
        .filter((w) => w && !MARKERS.has(w));
      const items = words.map(alternatives);
      if (!items.length || items.some((i) => i === null)) return null;
      parts.push(items.join(' '));
    } else if (m[2] !== undefined) {
      // Inside a prepositional phrase a noun phrase may stand in braces.
      const inner = m[2].replace(/\{([^}]*)\}/g, (_, np: string) => np.trim().replace(/\s+/g, '\u0000'));
      const words = inner
        .trim()
        .split(/\s+/)
        .filter((w) => w && !MARKERS.has(w));
      const items = words.map((w) => {
        const np = w
          .split('\u0000')
          .filter((x) => !MARKERS.has(x))
          .map(alternatives);
        return np.some((i) => i === null) ? null : np.join(' ');
      });
      if (!items.length || items.some((i) => i === null || i === '')) return null;
      parts.push(items.join(' ~ '));
    } else {
      const w = m[3] ?? '';
      if (MARKERS.has(w)) continue;
      const a = alternatives(w);
      if (a === null) return null;
      parts.push(a);
    }
  }
  return parts.length ? parts.map((p) => `~ ${p}`).join(' ') : '';
}

/** The first code of "[a:b]"; null for "[---]" or a code the ontology does not know. */
function codeOf(bracket: string): string | null {
  const code = bracket.split(':').find((c) => c.trim()) ?? '';
  return /^\d{2,4}$/.test(code) && cameo(code) ? code : null;
}

interface Block {
  code: string | null;
  /** Verb → its own code (or null: the block's). */
  verbs: Map<string, string | null>;
  /** Verb → its irregular forms. */
  forms: Map<string, string[]>;
  patterns: { after: string; code: string; verb: string | null }[];
}

function blocks(): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  let inPatterns = false;
  for (const raw of lines) {
    if (raw.includes('####### VERB PATTERNS')) inPatterns = true;
    if (!inPatterns) continue;
    const line = raw.replace(/#.*/, '').trimEnd();
    const header = /^---\s+([A-Z_]+)\s+\[([^\]]*)\]/.exec(line);
    if (header) {
      current = { code: codeOf(header[2] ?? ''), verbs: new Map(), forms: new Map(), patterns: [] };
      out.push(current);
      continue;
    }
    if (!current || !line.trim()) continue;
    if (line.startsWith('-')) {
      const p = /^-\s+(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
      if (!p) continue;
      const code = codeOf(p[2] ?? '');
      const [pre = '', post = ''] = (p[1] ?? '').split('*');
      if (!code || code === '010' || !(p[1] ?? '').includes('*')) continue;
      if (pre.split(/\s+/).some((w) => w && !MARKERS.has(w))) continue;
      const rest = after(post);
      if (rest === null || !contentful(rest)) continue;
      // "# RUSH": the verb of the block the pattern was written for.
      const origin = /#\s*\+?([A-Z][A-Z_]*)/.exec(raw)?.[1];
      current.patterns.push({ after: rest, code, verb: origin ? word(origin) : null });
      continue;
    }
    // Verb lines: "BEAT {BEATS BEATING BEATEN } [182]", "+ASK_FOR {+ASKED_FOR …} [020]".
    const v = /^\s*(\+?[A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(line);
    if (!v) continue;
    const verb = word(v[1] ?? '');
    // "+SHOT_AND", "+ARREST_AND": fragments of a coordination, not verbs of their own.
    if (!/^[a-z][a-z_'-]*$/.test(verb) || /(?:^|_)and(?:_|$)/.test(verb)) continue;
    current.verbs.set(verb, v[3] ? codeOf(v[3]) : null);
    const forms = (v[2] ?? '').trim().split(/\s+/).filter(Boolean).map(word);
    current.forms.set(
      verb,
      forms.filter((f) => !/(?:^|_)and(?:_|$)/.test(f)),
    );
  }
  return out;
}

/**
 * Alternatives of the verb a pattern was written for (with its forms), or of every verb of the block
 * when the pattern names none; one per distinct stem sequence.
 */
function verbAlternatives(block: Block, only: string | null): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const verbs = only && SYNONYMS !== 'block' && block.verbs.has(only) ? [only] : [...block.verbs.keys()];
  for (const v of verbs.flatMap((verb) => [verb, ...(block.forms.get(verb) ?? [])])) {
    const key = v.split('_').map(stem).join(' ');
    if (seen.has(key) || CUE_STEMS.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out.join('|');
}

const frames = JSON.parse(readFileSync(new URL('../data/events/frames.json', import.meta.url), 'utf8')) as {
  reportingVerbs: string[];
  intended: string[];
  expected: string[];
  hypothetical: string[];
};
const CUE_STEMS = new Set(
  [
    ...frames.reportingVerbs,
    ...[...frames.intended, ...frames.expected, ...frames.hypothetical].map((p) => p.split(' ')[0] ?? ''),
  ]
    .filter((w) => /^[a-z]{3,}$/.test(w))
    .map(stem),
);

const codes: Record<string, string[]> = {};
const add = (code: string, pattern: string) => (codes[code] ??= []).push(pattern);
let phrases = 0;
let single = 0;
const all = blocks();
for (const block of all) {
  if (!block.verbs.size) continue;
  const seen = new Set<string>();
  for (const p of block.patterns) {
    if (p.verb && CUE_STEMS.has(stem(p.verb))) continue;
    const verbs = verbAlternatives(block, p.verb);
    const pattern = `${verbs} ${p.after}`;
    if (!verbs || !p.after || seen.has(`${p.code} ${pattern}`)) continue;
    seen.add(`${p.code} ${pattern}`);
    add(p.code, pattern);
    phrases++;
  }
  // A verb alone: its own code, else the block's.
  if (!args.includes('--single-verbs')) continue;
  for (const [verb, own] of block.verbs) {
    const code = own ?? block.code;
    if (!code || code === '010') continue;
    add(code, verb);
    single++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(codes)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([c, list]) => [c, [...new Set(list)]]),
);
const out = {
  _meta: {
    source:
      'CAMEO.2.0.txt of openeventdata/petrarch2 (commit 676801cd), verb patterns, converted by scripts/import-cameo-verbs.ts',
    license: readFileSync(join(dirname(source), 'LICENSE'), 'utf8'),
  },
  codes: sorted,
  /** Noun classes of the dictionary that the coder reads to tell verb senses apart (data/events/senses.json). */
  sets: Object.fromEntries(
    ['WEAPON', 'AIRCRAFT', 'MILITARY', 'TOWN', 'PEOPLE', 'CAR', 'STRONGHOLD', 'HOSTAGE'].map((name) => [
      name,
      [...new Set(sets.get(`&${name}`) ?? [])],
    ]),
  ),
};
writeFileSync(
  new URL('../data/events/cameo-verbs.json', import.meta.url),
  JSON.stringify(out, null, 1) + '\n',
);
console.log(`${all.length} verb blocks: ${phrases} phrase patterns, ${single} single verbs`);
