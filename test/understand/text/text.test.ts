// The text layer: one tokenizer, one sentence splitter, tags, chunks and clauses, on news-like text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readText, stem, tokenize, type TextDoc } from '../../../src/understand/text/index.ts';

const texts = (doc: TextDoc, list: 'sentences' | 'plainSentences' = 'sentences') =>
  doc[list].map((s) => doc.text.slice(s.start, s.end));

test('tokens keep abbreviations, initials, decimals, URLs and ellipses whole, with exact offsets', () => {
  const text =
    "Lt. Gen. Ana K. Duarte of Brasil Ltd. said the U.S.-led fund fell 3.5% to $1,200 on Jan. 4... See https://example.org/report?id=7, or mail press@example.org. Peru's envoy, O'Neill, left.";
  const tokens = tokenize(text);
  const surface = tokens.map((t) => t.text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  for (const kept of [
    'Lt.',
    'Gen.',
    'K.',
    'Ltd.',
    'U.S.',
    '3.5',
    '1,200',
    '...',
    'https://example.org/report?id=7',
    'press@example.org',
    "O'Neill",
  ])
    assert.ok(surface.includes(kept), `${kept} in ${surface.join(' ')}`);
  // a month's dot is its own token; the possessive and a sentence's full stop are tokens of their own
  assert.deepEqual(surface.slice(surface.indexOf('Jan'), surface.indexOf('Jan') + 2), ['Jan', '.']);
  assert.deepEqual(surface.slice(surface.indexOf('Peru'), surface.indexOf('Peru') + 3), [
    'Peru',
    "'s",
    'envoy',
  ]);
  assert.equal(surface.at(-1), '.');
  assert.equal(surface.at(-2), 'left');
  assert.equal(tokens.find((t) => t.text === 'U.S.')?.key, 'us');
});

test('stems: inflections of one verb share a stem', () => {
  const table: string[][] = [
    ['agree', 'agreed', 'agrees', 'agreeing'],
    ['accuse', 'accused', 'accusing'],
    ['meet', 'met', 'meeting', 'meets'],
    ['deny', 'denied', 'denies'],
    ['stop', 'stopped', 'stopping'],
    ['withdraw', 'withdrew', 'withdrawn'],
    ['free', 'freed', 'frees'],
    ['need', 'needs', 'needed', 'needing'],
    ['exceed', 'exceeds', 'exceeded'],
  ];
  for (const forms of table) assert.equal(new Set(forms.map(stem)).size, 1, forms.join(','));
  assert.equal(tokenize('They agreed.')[1]!.stem, stem('agree'));
});

test('sentences: abbreviations, initials and titles do not end one; an abbreviation before "The" does', () => {
  const doc = readText(
    'Gen. Smith met U.S. envoys in Washington. George W. Bush spoke later with Acme Inc. The talks went on until 9 p.m. on Friday.',
  );
  assert.deepEqual(texts(doc), [
    'Gen. Smith met U.S. envoys in Washington.',
    'George W. Bush spoke later with Acme Inc.',
    'The talks went on until 9 p.m. on Friday.',
  ]);
});

test('sentences: decimals, ellipses, URLs and short forms of places', () => {
  const doc = readText(
    'Inflation rose 2.5 percent in May... Prices kept rising, the report at www.stats.example.ca/cpi said. She lives in Halifax, N.S. Premier Jones visited on Aug. 29 and left.',
  );
  assert.deepEqual(texts(doc), [
    'Inflation rose 2.5 percent in May...',
    'Prices kept rising, the report at www.stats.example.ca/cpi said.',
    'She lives in Halifax, N.S. Premier Jones visited on Aug. 29 and left.',
  ]);
  // an ellipsis before a lower-case word goes on
  assert.equal(readText('He paused ... then went on.').sentences.length, 1);
});

test('sentences: a headline without a full stop, line breaks and wrapped lines', () => {
  const doc = readText(
    'Floods hit the coast\n\nRescuers reached the village on Sunday. Two bridges\nwere lost.\nThe army helped',
  );
  assert.deepEqual(texts(doc), [
    'Floods hit the coast',
    'Rescuers reached the village on Sunday.',
    'Two bridges\nwere lost.',
    'The army helped',
  ]);
});

test('sentences keep a quote of several sentences whole; plain sentences split it', () => {
  const text =
    'The minister spoke at noon. "We will not back down. We have the votes," she told reporters. "It is over." Aides left the room.';
  const doc = readText(text);
  assert.deepEqual(texts(doc), [
    'The minister spoke at noon.',
    '"We will not back down. We have the votes," she told reporters.',
    '"It is over."',
    'Aides left the room.',
  ]);
  assert.deepEqual(texts(doc, 'plainSentences'), [
    'The minister spoke at noon.',
    '"We will not back down.',
    'We have the votes," she told reporters.',
    '"It is over."',
    'Aides left the room.',
  ]);
  // a quote ending on a full stop stays with the speech verb after it
  assert.equal(readText('"We are done." He said it twice.').sentences.length, 1);
  // a quote running over two paragraphs is one passage
  assert.equal(readText('"First part.\n\n"Second part," he said.').quoted.length, 1);
});

function clauseOf(doc: TextDoc, verb: string) {
  const c = doc.clauses.find((c) => doc.slice(c.verb.first, c.verb.last).includes(verb));
  assert.ok(c, `a clause with ${verb}`);
  return {
    ...c,
    subjectText: c.subject ? doc.slice(c.subject.first, c.subject.last) : null,
    objectText: c.object ? doc.slice(c.object.first, c.object.last) : null,
  };
}

test('tags: closed-class words, verbs by context, proper nouns inside a sentence', () => {
  const doc = readText("Iran's foreign minister rejected the new proposal on Monday.");
  const tag = (w: string) => doc.tags[doc.tokens.findIndex((t) => t.text === w)];
  assert.equal(tag('Iran'), 'PROPN');
  assert.equal(tag("'s"), 'PART');
  assert.equal(tag('rejected'), 'VERB');
  assert.equal(tag('the'), 'DET');
  assert.equal(tag('proposal'), 'NOUN');
  assert.equal(tag('on'), 'ADP');
  assert.equal(tag('Monday'), 'PROPN');
  // the same word as noun and as verb
  const d2 = readText('The attack failed. Rebels attack the town.');
  assert.deepEqual(
    d2.tokens.map((t, i) => [t.text, d2.tags[i]]).filter(([w]) => w === 'attack'),
    [
      ['attack', 'NOUN'],
      ['attack', 'VERB'],
    ],
  );
});

test('clauses: subject, verb group, object, negation, tense and modality', () => {
  const doc = readText(
    "Iran's foreign minister rejected the proposal. The army did not withdraw its troops. Turkey will send aid. The talks could collapse. The envoy was expelled by the government.",
  );
  const rejected = clauseOf(doc, 'rejected');
  assert.equal(rejected.subjectText, "Iran's foreign minister");
  assert.equal(rejected.objectText, 'the proposal');
  assert.deepEqual([rejected.negated, rejected.tense, rejected.modal], [false, 'past', null]);
  const withdraw = clauseOf(doc, 'withdraw');
  assert.equal(doc.slice(withdraw.verb.first, withdraw.verb.last), 'did not withdraw');
  assert.deepEqual(
    [withdraw.subjectText, withdraw.objectText, withdraw.negated, withdraw.tense],
    ['The army', 'its troops', true, 'past'],
  );
  const send = clauseOf(doc, 'send');
  assert.deepEqual([send.subjectText, send.tense, send.negated], ['Turkey', 'future', false]);
  const collapse = clauseOf(doc, 'collapse');
  assert.deepEqual([collapse.modal, collapse.negated], ['could', false]);
  const expelled = clauseOf(doc, 'expelled');
  assert.deepEqual([expelled.subjectText, expelled.passive, expelled.tense], ['The envoy', true, 'past']);
  assert.equal(clauseOf(readText("They can't stop us."), 'stop').negated, true);
  assert.equal(clauseOf(readText('Iran has launched a satellite.'), 'launched').tense, 'past');
  const may = clauseOf(readText('The ceasefire may have collapsed.'), 'collapsed');
  assert.deepEqual([may.modal, may.tense], ['may', 'past']);
  assert.equal(clauseOf(readText('Officials never confirmed the deal.'), 'confirmed').negated, true);
});

test('clauses: reported speech, complements, relatives and coordination', () => {
  const doc = readText(
    'The spokesman said that Russia would not attack Ukraine. "We will retaliate," the general told reporters. The talks, which were held in Geneva, failed, officials said. Police arrested two men and seized weapons.',
  );
  const idx = (verb: string) =>
    doc.clauses.findIndex((c) => doc.slice(c.verb.first, c.verb.last).includes(verb));
  const said = clauseOf(doc, 'said');
  assert.equal(said.reporting, true);
  const attack = clauseOf(doc, 'attack');
  assert.deepEqual(
    [attack.kind, attack.marker, attack.reportedBy, attack.negated],
    ['complement', 'that', idx('said'), true],
  );
  assert.equal(attack.modal, 'would');
  const retaliate = clauseOf(doc, 'retaliate');
  assert.equal(retaliate.reportedBy, idx('told'));
  assert.equal(clauseOf(doc, 'told').subjectText, 'the general');
  const held = clauseOf(doc, 'held');
  const failed = clauseOf(doc, 'failed');
  assert.deepEqual([held.kind, held.marker, held.passive], ['relative', 'which', true]);
  assert.equal(held.parent, idx('failed'));
  assert.equal(failed.subjectText, 'The talks');
  const officialsSaid = doc.clauses.findLastIndex((c) => doc.slice(c.verb.first, c.verb.last) === 'said');
  assert.equal(failed.reportedBy, officialsSaid);
  const when = readText('When the army withdrew, rebels took the town.');
  const withdrew = clauseOf(when, 'withdrew');
  assert.deepEqual([withdrew.kind, withdrew.marker], ['adverbial', 'when']);
  assert.equal(
    withdrew.parent,
    when.clauses.findIndex((c) => c.kind === 'main'),
  );
  assert.equal(clauseOf(when, 'took').subjectText, 'rebels');
  const seized = clauseOf(doc, 'seized');
  assert.deepEqual(
    [seized.kind, seized.subjectText, seized.subjectShared, seized.objectText],
    ['coordinate', 'Police', true, 'weapons'],
  );
});

test('clauses: readiness after "be" is no passive; a passive "forced to" still is', () => {
  for (const [text, verb] of [
    ['Kenya is prepared to send troops.', 'prepared'],
    ['The envoy is set to leave Nairobi.', 'set'],
    ['The minister is expected to visit Uganda.', 'expected'],
  ] as const) {
    const c = clauseOf(readText(text), verb);
    assert.equal(c.passive, false, text);
  }
  assert.equal(clauseOf(readText('Kenya was forced to withdraw its troops.'), 'forced').passive, true);
  assert.equal(clauseOf(readText('The envoy was expelled on Monday.'), 'expelled').passive, true);
});

test('clauses: a reporting verb after a comma with an object and "of" is a second act, not inverted', () => {
  const doc = readText('The army shelled the town on Sunday, accused Uganda of backing the rebels.');
  const accused = clauseOf(doc, 'accused');
  assert.deepEqual(
    [accused.subjectText, accused.objectText, accused.kind, accused.subjectShared],
    ['The army', 'Uganda', 'coordinate', true],
  );
  assert.equal(clauseOf(doc, 'shelled').reportedBy, null);
  // the inverted form keeps working: the noun after the verb is its subject
  const inverted = readText('The talks failed, said the minister.');
  assert.deepEqual(
    [clauseOf(inverted, 'said').subjectText, clauseOf(inverted, 'said').objectText],
    ['the minister', null],
  );
  assert.notEqual(clauseOf(inverted, 'failed').reportedBy, null);
});

test('tags: an unlisted past form with an object after an adverb or a comma is a verb', () => {
  const tagOf = (text: string, w: string) => {
    const doc = readText(text);
    return doc.tags[doc.tokens.findIndex((t) => t.text === w)];
  };
  assert.equal(tagOf('Gunmen reportedly ransacked the embassy.', 'ransacked'), 'VERB');
  assert.equal(tagOf('Gunmen entered the town, ransacked a school and fled.', 'ransacked'), 'VERB');
  // a participle before a noun stays an adjective
  assert.equal(tagOf('He visited the newly renovated museum.', 'renovated'), 'ADJ');
});

test('tags: a present verb after an apposition or a parenthesis is the verb of a sentence with none', () => {
  const tagOf = (text: string, w: string) => {
    const doc = readText(text);
    return doc.tags[doc.tokens.findIndex((t) => t.text === w)];
  };
  assert.equal(tagOf('Ana Ruiz, the Chilean trade minister, speaks at a forum in Lima.', 'speaks'), 'VERB');
  assert.equal(tagOf('The Kenyan president (right) addresses the crowd in Nairobi.', 'addresses'), 'VERB');
  // after a verb, a plural noun in a list stays a noun
  assert.equal(tagOf('He called for peace, talks with the rebels and new elections.', 'talks'), 'NOUN');
});

test('clauses: the subject of a first clause stands before a parenthesis', () => {
  const doc = readText('The Peruvian energy ministry (MEM) has unveiled a plan to cut power prices.');
  assert.equal(clauseOf(doc, 'unveiled').subjectText, 'The Peruvian energy ministry');
  const photo = readText('The Kenyan president (right) addresses the crowd in Nairobi.');
  assert.equal(clauseOf(photo, 'addresses').subjectText, 'The Kenyan president');
});

test('every stage reads the one layer; a layer read from another text is refused by name', async () => {
  const { findEntities } = await import('../../../src/understand/entities/index.ts');
  const { findQuotes } = await import('../../../src/understand/quotes/index.ts');
  const { findEvents } = await import('../../../src/understand/events/index.ts');
  const text = 'Turkish police detained 12 protesters in Ankara on Monday, the interior ministry said.';
  const doc = readText(text);
  const entities = findEntities(text, { doc });
  // the same reading with or without the shared layer
  assert.deepEqual(entities, findEntities(text));
  assert.deepEqual(findEvents(text, entities, { doc }), findEvents(text, entities));
  assert.deepEqual(findQuotes(text, entities, doc), findQuotes(text, entities));
  const other = readText('Another text.');
  assert.throws(() => findQuotes(text, entities, other), {
    name: 'SitrepError',
    message: /quotes: .*another text/,
  });
  assert.throws(() => findEntities(text, { doc: other }), { name: 'SitrepError', message: /entities: / });
});

test("clauses: a noun phrase after a reporting verb and before a finite verb is the content's subject", () => {
  const doc = readText('The opposition leader said the cabinet must resign by Friday.');
  const said = clauseOf(doc, 'said');
  assert.equal(said.objectText, null);
  const resign = clauseOf(doc, 'resign');
  assert.deepEqual([resign.subjectText, resign.modal, resign.kind], ['the cabinet', 'must', 'complement']);
  // an addressee stays the object when the content has its own subject
  const told = clauseOf(readText('The envoy told reporters the army will leave Gao.'), 'told');
  assert.equal(told.objectText, 'reporters');
  assert.equal(
    clauseOf(readText('The envoy told reporters the army will leave Gao.'), 'leave').subjectText,
    'the army',
  );
});

test('clauses: "has been able to" is the perfect of "be"; its subject acts in the infinitive', () => {
  const doc = readText('The opposition has been able to block the budget.');
  assert.equal(clauseOf(doc, 'been').subjectText, 'The opposition');
  const block = clauseOf(doc, 'block');
  assert.deepEqual(
    [block.kind, block.subjectText, block.objectText],
    ['nonfinite', 'The opposition', 'the budget'],
  );
  // "have" with a noun phrase after it stays a main verb
  assert.equal(clauseOf(readText('The opposition has the votes.'), 'has').objectText, 'the votes');
});

test('tags: a short past form in -ied, a participle with its object, the possessive of a plural', () => {
  const doc = (text: string) => {
    const d = readText(text);
    return { tag: (w: string) => d.tags[d.tokens.findIndex((t) => t.text === w)], d };
  };
  assert.equal(doc('Okafor lied about the cost of the bridge.').tag('lied'), 'VERB');
  // "-ing" after a comma with a determiner or possessive after it is the verb of a participle clause
  assert.equal(doc('The mayor spoke for an hour, goading his rivals to respond.').tag('goading'), 'VERB');
  assert.equal(doc('The mayor spoke about the goading of his rivals.').tag('goading'), 'NOUN');
  // "the unions' leaders": one noun phrase, as "the union's leaders" is
  const { d, tag } = doc("The unions' leaders rejected the offer.");
  assert.equal(tag("'"), 'PART');
  const chunk = d.chunks[0]![0]!;
  assert.equal(
    d.text.slice(d.tokens[chunk.first]!.start, d.tokens[chunk.last - 1]!.end),
    "The unions' leaders",
  );
  // single quotation marks stay punctuation
  const quoted = doc("They called the talks 'a farce', the union said.").d;
  assert.deepEqual([quoted.tags[4], quoted.tags[7]], ['PUNCT', 'PUNCT']);
});

test('clauses: two noun phrases joined by "and" before a verb are one subject, not two clauses', () => {
  const pair = clauseOf(readText('After the vote, the mayor and the governor signed the budget.'), 'signed');
  assert.deepEqual([pair.kind, pair.subjectText], ['main', 'the mayor and the governor']);
  // after a clause with its object, "and" opens a clause of its own
  const second = clauseOf(readText('The army shelled the town and the rebels fled.'), 'fled');
  assert.deepEqual([second.kind, second.subjectText], ['coordinate', 'the rebels']);
});

test('tags: common adjectives without a suffix, and nouns that end as adjectives do', () => {
  const tags = (text: string) => {
    const d = readText(text);
    return d.tokens.map((t, i) => `${t.text}/${d.tags[i]}`).join(' ');
  };
  assert.equal(
    tags('The new rules took effect.'),
    'The/DET new/ADJ rules/NOUN took/VERB effect/NOUN ./PUNCT',
  );
  // "president" and "official" are nouns, so the past form after them is the verb
  assert.match(tags('The president lied to Congress.'), /president\/NOUN lied\/VERB/);
  assert.match(tags('An official confirmed the deal.'), /official\/NOUN confirmed\/VERB/);
  // a suffix still marks an adjective before a noun
  assert.match(tags('A diplomatic solution was found.'), /diplomatic\/ADJ solution\/NOUN/);
});

test('clauses: a noun phrase of time before a verb is no subject; the relative clause hands its antecedent on', () => {
  const doc = readText(
    'A Kenyan pastor who was questioned by reporters two weeks ago was detained on Monday.',
  );
  const detained = clauseOf(doc, 'detained');
  assert.deepEqual([detained.kind, detained.subjectText], ['main', 'A Kenyan pastor']);
  const signed = clauseOf(readText('Last week signed the budget.'), 'signed');
  assert.equal(signed.subjectText, null);
});
