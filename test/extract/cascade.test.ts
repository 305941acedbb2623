import { test } from 'node:test';
import assert from 'node:assert/strict';
import { densityPass } from '../../src/extract/html/density-pass.ts';
import { parsePage } from '../../src/extract/html/page-shape.ts';
import { proseChars, quality } from '../../src/extract/html/body-quality.ts';

const sentence = 'The ferry will run four times a day from November, the operator said on Friday.';

test('the density pass keeps prose blocks in page order, not link lists or page chrome', () => {
  const doc = parsePage(
    `<body><header><p>${sentence} (header)</p></header>
     <ul><li><a href="/a">A link that is long enough to count as a block</a></li></ul>
     <div><span>First:</span> <p>${sentence}</p></div><table><tr><td>Second: ${sentence}</td></tr></table>
     <footer><p>${sentence} (footer)</p></footer></body>`,
    'd.html',
  );
  const candidate = densityPass(doc);
  assert.deepEqual(candidate.paragraphs, [sentence, `Second: ${sentence}`]);
  assert.equal(candidate.source, 'density');
});

test('prose counts in full, short lines a quarter, and links discount the quality', () => {
  assert.equal(proseChars([sentence]), sentence.length);
  assert.equal(proseChars(['Ingredients']), 'Ingredients'.length / 4);
  const base = { captions: [], source: 'strict' as const };
  const plain = quality({ ...base, paragraphs: [sentence], linkDensity: 0 });
  const linked = quality({ ...base, paragraphs: [sentence], linkDensity: 0.5 });
  assert.equal(linked, plain / 2);
  assert.equal(quality({ ...base, paragraphs: [sentence], linkDensity: 0, listing: true }), 0);
});
