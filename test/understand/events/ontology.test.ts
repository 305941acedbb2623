// The ontology data: CAMEO codes map to PLOVER types, modes, quad classes and Goldstein weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvent, ploverType } from '../../../src/understand/events/ontology.ts';

const CASES: [code: string, plover: string | null, mode: string | null, quad: number | null][] = [
  ['042', 'CONSULT', 'visit', 1],
  ['057', 'SUPPORT', null, 1],
  ['0312', 'AGREE', null, 1],
  ['0233', 'REQUEST', null, 1],
  ['112', 'ACCUSE', 'disapprove', 3],
  ['1312', 'THREATEN', 'restrict', 3],
  ['173', 'COERCE', 'arrest', 4],
  ['195', 'ASSAULT', 'heavy-weapons', 4],
  // Public statements are CAMEO events PLOVER does not type.
  ['010', null, null, 1],
  ['016', null, null, 1],
];

for (const [code, plover, mode, quad] of CASES) {
  test(`ontology: CAMEO ${code} → ${plover ?? 'no PLOVER type'}`, () => {
    const coding = codeEvent(code);
    assert.equal(coding?.plover ?? null, plover);
    assert.equal(coding?.mode ?? null, mode);
    assert.equal(coding?.quadClass ?? null, quad);
    if (coding) assert.equal(typeof coding.goldstein, 'number');
  });
}

test('ontology: unknown codes are null', () => {
  assert.equal(codeEvent('999'), null);
});

test('ontology: PLOVER has its sixteen types', () => {
  for (const t of ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST']) {
    assert.ok(ploverType(t), t);
  }
  for (const t of ['ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']) {
    assert.ok(ploverType(t), t);
  }
});
