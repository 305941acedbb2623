// Converts the Phoenix/PETRARCH2 discard dictionary (Open Event Data Alliance, MIT) into
// data/events/discards.json: phrases whose sentence ("sentence") or whole story ("story", marked "+")
// is no political news (sport, entertainment, disease, history). Bare years are left out: a year
// alone says nothing about the topic of modern news.
// Usage: node --import tsx scripts/import-phoenix-discards.ts [Phoenix.discards.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const source = process.argv[2] ?? '/work/shared/data/phoenix/Phoenix.discards.txt';
const sentence = new Set<string>();
const story = new Set<string>();
for (const raw of readFileSync(source, 'utf8').split('\n')) {
  const line = raw.replace(/#.*/, '').trim();
  if (!line) continue;
  const storyLevel = line.startsWith('+');
  const phrase = line.replace(/^\+/, '').replace(/_/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
  if (!phrase || /^\d+$/.test(phrase)) continue;
  (storyLevel ? story : sentence).add(phrase);
}
const out = {
  source:
    'Phoenix.discards.txt of openeventdata/petrarch2 (commit 676801cd), converted by scripts/import-phoenix-discards.ts',
  license: readFileSync(join(dirname(source), 'LICENSE'), 'utf8'),
  sentence: [...sentence].sort(),
  story: [...story].sort(),
};
writeFileSync(new URL('../data/events/discards.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`discards: ${sentence.size} sentence-level, ${story.size} story-level phrases`);
