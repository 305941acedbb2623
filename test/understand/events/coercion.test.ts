// Coercion by law: arrests, charges and indictments in the passive voice, done by unnamed authorities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../../src/understand/events/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

const coerce = (text: string) => eventsOf(text).filter((e) => e.plover === 'COERCE');

test('a passive arrest with no agent is the authorities’ act, of the reporting official’s country', () => {
  const events = coerce(
    'Two Colombian journalists were arrested near the border on Friday, Kenyan police said.',
  );
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0]?.source.name, 'authorities');
  assert.equal(events[0]?.source.sector, 'COP');
  assert.equal(events[0]?.source.code, 'KENCOP');
  const unreported = coerce('Two Colombian journalists were detained near the border on Friday.');
  assert.equal(unreported[0]?.source.code, 'COP', JSON.stringify(unreported));
});

test('charges and indictments are coercion by the courts', () => {
  const charged = coerce('Three opposition activists were charged with sedition in Kenya on Monday.');
  assert.equal(charged[0]?.cameo, '173', JSON.stringify(charged));
  assert.equal(charged[0]?.source.sector, 'JUD');
  const indicted = coerce('A grand jury in Washington indicted the former governor on bribery charges.');
  assert.equal(indicted[0]?.cameo, '173', JSON.stringify(indicted));
  assert.equal(indicted[0]?.source.sector, 'JUD');
  const sentenced = coerce('The former mayor was sentenced to ten years in prison for corruption.');
  assert.equal(sentenced[0]?.cameo, '173', JSON.stringify(sentenced));
});

test('the doer of a passive act is its agent, not its subject: people undergoing an arrest are no thing acting', () => {
  const text = 'Four men were arrested in Nairobi on Friday.';
  const [event] = codeArticle(text, entitiesFor(text), { published: '2022-04-27', resolve: () => null });
  assert.equal(event?.plover, 'COERCE');
  assert.notEqual(event?.signals.subject, 'thing');
});

test('the act a plot aims at is not reported as done, nor done by who foils it', () => {
  for (const text of [
    'Police in Kenya foiled a plot to attack Uganda.',
    'Kenya uncovered a conspiracy to bomb the Uganda embassy.',
    'Kenyan officials said they had foiled a plot to kill the president of Uganda.',
  ]) {
    const events = eventsOf(text);
    assert.ok(!events.some((e) => e.plover === 'ASSAULT'), `${text} ${JSON.stringify(events)}`);
  }
});
