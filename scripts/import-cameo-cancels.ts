// Imports the cancelling patterns of the CAMEO verb dictionary (CAMEO.2.0.txt of the PETRARCH2
// dictionaries, Open Event Data Alliance, MIT) into data/events/cancels.json. A cancelling pattern
// ("- * CONTESTANTS [---]" under the DESTROY block) says that a verb of its block, next to these
// words, is no event ("beat the contestants"). Each rule keeps the block's verbs and the words that
// must stand before or after the verb, in the project's pattern syntax ("a|b" alternatives, "a_b" one
// multi-word alternative); synonym sets (&MILITARY) are expanded.
// Usage: node --import tsx scripts/import-cameo-cancels.ts [CAMEO.2.0.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const source = process.argv[2] ?? '/work/shared/data/phoenix/CAMEO.2.0.txt';
const lines = readFileSync(source, 'utf8').split('\n');

const FUNCTION_WORDS = new Set(
  'since with it away off out down up in on into over for from to by at of as about back the a an'.split(' '),
);

const word = (w: string) => w.toLowerCase().replace(/\s+/g, '_');

/** &NAME → its members ("armed_forces" for ARMED_FORCES). */
function synonymSets(): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of lines) {
    const line = raw.replace(/#.*/, '').trim();
    if (/^&[A-Z_]+$/.test(line)) {
      current = [];
      sets.set(line.replace(/_$/, ''), current);
    } else if (current && line.startsWith('+')) current.push(word(line.slice(1).replace(/_$/, '').trim()));
    else if (!line || line.startsWith('---')) current = null;
  }
  return sets;
}

/** One pattern side ("(IN &WEATHER)", "{ARMOURED CARS}") as pattern items. */
function side(text: string, sets: Map<string, string[]>): string | null {
  const words = text
    .replace(/[(){}]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const items: string[] = [];
  for (const w of words) {
    if (w.startsWith('&')) {
      const members = sets.get(w.replace(/_$/, ''));
      if (!members?.length) return null;
      items.push(members.join('|'));
    } else if (/^[A-Z][A-Z'-]*$/.test(w)) items.push(word(w));
    else return null;
  }
  return items.join(' ');
}

interface Cancel {
  verbs: string[];
  before: string;
  after: string;
}

function cancels(sets: Map<string, string[]>): Cancel[] {
  const out: Cancel[] = [];
  let verbs: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/#.*/, '').trimEnd();
    const block = /^---\s+([A-Z_]+)\s+\[/.exec(line);
    if (block) {
      verbs = [word(block[1] ?? '')];
      continue;
    }
    // Verb lines of the block: "BEAT {BEATS BEATING BEATEN } [182]", "+WIPE_OUT".
    const verb = /^\+?([A-Z][A-Z_]*)\s*(?:\{([^}]*)\})?/.exec(line);
    if (verb && !line.startsWith('-')) {
      verbs.push(word(verb[1] ?? '').replace(/_$/, ''));
      for (const form of (verb[2] ?? '').trim().split(/\s+/).filter(Boolean)) verbs.push(word(form));
      continue;
    }
    const pattern = /^-\s+(.*?)\s*\[---\]/.exec(line);
    if (!pattern || !verbs.length) continue;
    const [pre = '', post = ''] = (pattern[1] ?? '').split('*');
    const before = side(pre, sets);
    const after = side(post, sets);
    if (before === null || after === null || (!before && !after)) continue;
    // "* SINCE", "* AWAY": function words alone cannot tell a sense apart without the parse tree.
    if (`${before} ${after}`.split(/[\s|]+/).every((w) => !w || FUNCTION_WORDS.has(w))) continue;
    // Single-word verbs only: the rule is checked at the word that anchors an event pattern.
    const single = verbs.map((v) => v.replace(/^\+|_$/g, '')).filter((v) => /^[a-z]+$/.test(v));
    if (single.length) out.push({ verbs: [...new Set(single)], before, after });
  }
  return out;
}

const rules = cancels(synonymSets());
const out = {
  source:
    'CAMEO.2.0.txt of openeventdata/petrarch2 (commit 676801cd), cancelling [---] patterns, converted by scripts/import-cameo-cancels.ts',
  license: readFileSync(join(dirname(source), 'LICENSE'), 'utf8'),
  cancels: rules,
};
writeFileSync(new URL('../data/events/cancels.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`cancelling patterns: ${rules.length}`);
