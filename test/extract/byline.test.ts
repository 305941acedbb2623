import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitByline } from '../../src/extract/meta/byline.ts';

// Byline strings as pages print them → names, and a date when one is printed beside them.
const CASES: [string, string | null, string | null][] = [
  ['By Jane Doe', 'Jane Doe', null],
  ['Posted by Vortex', 'Vortex', null],
  ['Author: Ana de la Cruz', 'Ana de la Cruz', null],
  [
    'Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019',
    'Tom Davies Associated Press',
    '2019-11-19T23:34:00-05:00',
  ],
  ['Associated Press November 19, 2019, 9:02 AM', 'Associated Press', '2019-11-19T09:02:00'],
  ['Jeff Foust Monday, November 18, 2019', 'Jeff Foust', '2019-11-18'],
  ['Maria Okonkwo | 14/03/2023', 'Maria Okonkwo', '2023-03-14'],
  ['MEG KINNARD and ERRIN HAINES, Associated Press', 'MEG KINNARD and ERRIN HAINES, Associated Press', null],
  ['June Carter', 'June Carter', null],
  ['', null, null],
];

for (const [raw, name, date] of CASES) {
  test(`byline ${JSON.stringify(raw)}`, () => assert.deepEqual(splitByline(raw), { name, date }));
}
