// The event lexicon compiled by the build step must match exactly what compiling the pattern files
// gives, and a stale or damaged file must be refused so the patterns are compiled as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lexiconSourcesDigest,
  readCompiledPatterns,
  writeCompiledLexicon,
} from '../../../src/understand/events/compiled-lexicon.ts';
import { buildEventLexicon, Lexicon } from '../../../src/understand/events/lexicon.ts';
import { tokenize } from '../../../src/understand/text/index.ts';

const SENTENCES = [
  'The two governments signed a trade agreement in Geneva on Tuesday.',
  'Protesters clashed with police outside the parliament and threw stones at officers.',
  'The minister threatened to impose sanctions if the talks collapsed.',
];

test('the compiled lexicon matches what compiling the pattern files matches; a stale or damaged file is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));
  try {
    const built = buildEventLexicon();
    const path = join(dir, 'lexicon.json');
    assert.equal(writeCompiledLexicon(built.patterns, path), true);
    const read = readCompiledPatterns(path, lexiconSourcesDigest());
    assert.ok(read, 'the compiled patterns should be read');
    assert.deepStrictEqual(read, built.patterns);
    assert.ok(read.length > 1000, 'both pattern files are compiled');
    const restored = Lexicon.fromPatterns(read);
    let matched = 0;
    for (const sentence of SENTENCES) {
      const tokens = tokenize(sentence);
      const summary = (l: Lexicon) =>
        l.matchAll(tokens).map((m) => [m.pattern.code, m.pattern.source, m.first, m.last, m.words]);
      assert.deepStrictEqual(summary(restored), summary(built), sentence);
      matched += summary(built).length;
    }
    assert.ok(matched >= SENTENCES.length, 'the sentences match patterns');
    assert.equal(readCompiledPatterns(path, '0'.repeat(64)), null, 'another digest: not read');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 300));
    assert.equal(readCompiledPatterns(path, lexiconSourcesDigest()), null, 'a damaged file: not read');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
