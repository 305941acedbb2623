import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCountry, resolveActor, toResolution } from '../../../src/understand/actors/index.ts';

interface Case {
  text: string;
  date?: string;
  context?: string;
  country: string | null;
  sector: string | null;
  name?: string;
}

const countryNames: Case[] = [
  { text: 'Great Britain', country: 'GBR', sector: null },
  { text: 'the Islamic Republic', country: 'IRN', sector: null },
  { text: 'U.S.', country: 'USA', sector: null },
  { text: 'People’s Republic of China', country: 'CHN', sector: null },
  { text: 'Republic of China', country: 'TWN', sector: null },
  { text: 'Türkiye', country: 'TUR', sector: null },
];

const metonymyAndDemonyms: Case[] = [
  { text: 'Tehran', country: 'IRN', sector: 'GOV', name: 'Iran' },
  { text: 'the Kremlin', country: 'RUS', sector: 'GOV' },
  { text: 'Washington', country: 'USA', sector: 'GOV' },
  { text: 'Iranian police', country: 'IRN', sector: 'COP' },
  { text: 'Chinese defense ministry', country: 'CHN', sector: 'GOV' },
  { text: 'two Russian warplanes', country: 'RUS', sector: 'MIL' },
  { text: 'Guangzhou police', country: 'CHN', sector: 'COP' },
  // States and provinces (scripts/import-subdivisions.ts) give their country.
  { text: 'Sindh police', country: 'PAK', sector: 'COP' },
  { text: 'Ohio lawmakers', country: 'USA', sector: 'LEG' },
  { text: 'Amhara regional forces', country: 'ETH', sector: 'MIL' },
  // A place inside the name of a body is where the body is; inside a person's name it says nothing.
  { text: 'Sindh Police Service', country: 'PAK', sector: 'COP' },
  { text: 'Lagos State Hospital Workers Union', country: 'NGA', sector: 'LAB' },
  { text: 'Kent Brantly, a doctor', country: null, sector: 'MED' },
  { text: 'a Somalia-based paramilitary group', country: 'SOM', sector: 'PRM' },
  { text: 'Egyptian protesters', country: 'EGY', sector: 'CVL' },
  // The adjective of a region or a people within one state gives that state.
  { text: 'Catalan separatists', country: 'ESP', sector: 'REB' },
  { text: 'Chechen fighters', country: 'RUS', sector: 'UAF' },
];

const sectorNouns: Case[] = [
  { text: 'protesters', country: null, sector: 'CVL' },
  { text: 'rebel fighters in the north', country: null, sector: 'REB' },
  { text: 'a former cabinet minister', country: null, sector: 'ELI' },
  { text: 'riot police', country: null, sector: 'COP' },
  // Gunmen of a named group are the group's, not unidentified.
  { text: 'Taliban fighters', country: 'AFG', sector: 'REB' },
  { text: 'Hezbollah fighters', country: 'LBN', sector: 'REB' },
  { text: 'armed poachers', country: null, sector: 'CRM' },
  { text: 'looters', country: null, sector: 'CRM' },
  { text: 'secessionists in the east', country: null, sector: 'REB' },
  { text: 'tribal elders', country: null, sector: 'CVL' },
  // A think tank is civil society, not armour.
  { text: 'a Berlin-based think tank', country: 'DEU', sector: 'SOC' },
  { text: 'Polish tanks', country: 'POL', sector: 'MIL' },
  { text: 'trade unionists', country: null, sector: 'LAB' },
  { text: 'riot control police', country: null, sector: 'COP' },
  { text: "Russia's ambassador to Poland", country: 'RUS', sector: 'GOV' },
  { text: 'journalists in Mexico', country: 'MEX', sector: 'JRN' },
  // Ministries are government whatever their field; places of ordinary life are civilian.
  { text: "Peru's Ministry of Defense", country: 'PER', sector: 'GOV' },
  { text: 'the Thai interior ministry', country: 'THA', sector: 'GOV' },
  { text: 'a crowded playground in Mosul', country: 'IRQ', sector: 'CVL' },
  // A qualified plural demonym is the country's people.
  { text: 'young Uzbeks', country: 'UZB', sector: 'CVL' },
];

const organisations: Case[] = [
  { text: 'NATO', country: null, sector: 'MIL', name: 'NATO' },
  { text: 'the U.N.', country: null, sector: null, name: 'United Nations' },
  { text: 'Xinhua', country: 'CHN', sector: 'JRN' },
  { text: 'IRNA', country: 'IRN', sector: 'JRN' },
  { text: 'Hezbollah', country: 'LBN', sector: 'REB' },
  { text: 'European Union legislators', country: null, sector: 'LEG' },
];

const datedRoles: Case[] = [
  { text: 'the Iranian president', date: '2022-04-27', country: 'IRN', sector: 'GOV', name: 'Ebrahim Raisi' },
  {
    text: 'the Iranian president',
    date: '2025-01-01',
    country: 'IRN',
    sector: 'GOV',
    name: 'Masoud Pezeshkian',
  },
  {
    text: "Iran's defense minister",
    date: '2023-06-01',
    country: 'IRN',
    sector: 'GOV',
    name: 'Mohammad Reza Ashtiani',
  },
  {
    text: 'the British prime minister',
    date: '2022-10-01',
    country: 'GBR',
    sector: 'GOV',
    name: 'Liz Truss',
  },
  { text: 'UN Secretary-General', date: '2015-05-01', country: null, sector: 'GOV', name: 'Ban Ki-moon' },
  { text: 'the German chancellor', date: '2019-03-01', country: 'DEU', sector: 'GOV', name: 'Angela Merkel' },
  { text: 'Angela Merkel', date: '2023-03-01', country: 'DEU', sector: 'ELI', name: 'Angela Merkel' },
  { text: 'Laurent Fabius', date: '10 May 2015', country: 'FRA', sector: 'GOV' },
];

const misspellings: Case[] = [
  {
    text: 'Gen. Mohammad Reza Ashtinai',
    date: '2022-04-27',
    country: 'IRN',
    sector: 'GOV',
    name: 'Mohammad Reza Ashtiani',
  },
  { text: 'Terhan', country: 'IRN', sector: 'GOV' },
  { text: 'Kolkatta police', country: 'IND', sector: 'COP' },
  // A misspelt plural demonym on its own names the country.
  { text: 'Uzbeks', country: 'UZB', sector: null },
  { text: 'Nigerains', country: 'NGA', sector: null },
  // A misspelt sector noun, one edit away.
  { text: 'armed insurgants', country: null, sector: 'REB' },
];

// Someone of a known person's side, or the person out of office.
const sideOfAPerson: Case[] = [
  { text: 'former president Jacob Zuma', country: 'ZAF', sector: 'ELI', name: 'Jacob Zuma' },
  { text: "Zuma's former adviser", country: 'ZAF', sector: 'ELI' },
  { text: 'Erdogan’s spokesman', country: 'TUR', sector: 'GOV' },
  { text: "Macron's chief of staff", country: 'FRA', sector: 'GOV' },
  // PLOVER counts family members of officials as elites.
  { text: "Putin's wife", country: 'RUS', sector: 'ELI' },
  // A former holder of a role is not the one in office on the day.
  {
    text: 'the former prime minister',
    context: 'Courts in Islamabad sentenced him.',
    date: '2024-01-01',
    country: 'PAK',
    sector: 'ELI',
  },
];

// A country that backs or made something is not its owner; one that leads or hosts it is.
const backers: Case[] = [
  { text: 'Russian-backed separatists', country: null, sector: 'REB' },
  {
    text: 'Russian-backed separatists',
    context: 'Fighting flared in eastern Ukraine near Donetsk.',
    country: 'UKR',
    sector: 'REB',
  },
  { text: 'Chinese-made drones', country: null, sector: 'MIL' },
  { text: 'Iranian-backed Houthi rebels', country: 'YEM', sector: 'REB' },
  { text: 'a Saudi-led coalition of armed forces', country: 'SAU', sector: 'MIL' },
  {
    text: 'the governing coalition',
    context: "Germany's parliament debated the budget.",
    country: 'DEU',
    sector: 'GOV',
  },
];

function check(cases: Case[]) {
  for (const c of cases) {
    const actor = resolveActor(c.text, { date: c.date ?? null, context: c.context ?? null });
    assert.ok(actor, `${c.text}: no actor`);
    assert.equal(actor.country, c.country, `${c.text}: country`);
    assert.equal(actor.sector, c.sector, `${c.text}: sector`);
    if (c.name) assert.equal(actor.name, c.name, `${c.text}: name`);
  }
}

test('country names and alternative names', () => check(countryNames));
test('capitals stand for governments; demonyms give the country', () => check(metonymyAndDemonyms));
test('sector nouns: the head noun decides', () => check(sectorNouns));
test('organisations: IGOs, agencies, armed groups', () => check(organisations));
test('roles resolve on the date', () => check(datedRoles));
test('a country backing or making something is not its owner', () => check(backers));
test('a region shared by two countries or a word of a known name is no subdivision', () => {
  // Punjab is a province of India and of Pakistan.
  assert.equal(resolveActor('Punjab police')?.country ?? null, null);
  assert.equal(resolveActor('Bolton', { date: '2019-01-01' })?.name, 'John Bolton');
});
test("a person's side (aides, family) and former office holders", () => {
  check(sideOfAPerson);
  // "ex-" is "former" written as a prefix.
  const ex = resolveActor('ex-Kenyan defence minister');
  assert.equal(ex?.country, 'KEN');
  assert.equal(ex?.sector, 'ELI');
  assert.equal(resolveActor('ex-minister Joseph Otieno')?.sector, 'ELI');
  // The possessed is not the person: "Erdogan's spokesman" is no Erdoğan.
  assert.notEqual(resolveActor('Erdogan’s spokesman')?.type, 'PERSON');
});
test('misspellings resolve with support', () => check(misspellings));

test('non-actors and unknown names give null', () => {
  for (const text of ['a dog called Rex', 'Apparatus', 'Peter Quill', '']) {
    assert.equal(resolveActor(text), null, text);
  }
});

test('a title and an unknown name make a new person with what the text says', () => {
  const actor = resolveActor('Lt. Gen. Oduya Mwangi');
  assert.equal(actor?.type, 'PERSON');
  assert.equal(actor?.name, 'Oduya Mwangi');
  assert.equal(actor?.sector, 'MIL');
  // With no country in the text, words of the name that nearly always belong to one country's
  // office holders give it; the title gives the sector.
  const minister = resolveActor('Deputy Minister Nguyen Van Duc');
  assert.equal(minister?.country, 'VNM');
  assert.equal(minister?.sector, 'GOV');
  // A country in the text wins over the name's words.
  assert.equal(resolveActor('Kenyan Deputy Minister Nguyen Van Duc')?.country, 'KEN');
});

test('misspelt organisation names resolve when one word is right and few edits are needed', () => {
  assert.equal(resolveActor('Amnesty Internacional')?.name, 'Amnesty International');
  assert.equal(resolveActor('Ammesty Internacional'), null);
  // Romanisations of one Arabic name differ in doubled vowels, a final h, hyphens and word breaks.
  for (const text of ['Hayaat Tahrir Al-Shaam', 'Hayat Tahrir Alsham'])
    assert.equal(resolveActor(text)?.name, 'Hayat Tahrir al-Sham', text);
  assert.equal(resolveActor('Ahlus Sunnah Wal Jama')?.country, 'SOM');
  // A lower-case particle between the capitalised words is part of the name.
  assert.equal(resolveActor('Hayat Tahrir al Sham')?.sector, 'REB');
  // More than a romanisation apart, or too short to tell: no match.
  assert.equal(resolveActor('Hayat Tahrir al-Shams'), null);
  // A short word more is another name, not a romanisation.
  assert.notEqual(resolveActor('Hayaat Tahrir Al-Shaam Co')?.name, 'Hayat Tahrir al-Sham');
  // A generic name takes its country from the context.
  assert.equal(resolveActor('the National Guard', { context: 'Saudi' })?.country, 'SAU');
});

test('a word of a dictionary name inside a longer unknown name is not that name', () => {
  // "Organization" alone is an alias of an armed group in the Phoenix dictionaries.
  const actor = resolveActor('Central Asian Water Treaty Organization');
  assert.ok(!actor || actor.sector !== 'REB', JSON.stringify(actor));
  // A title before a dictionary name is no part of a longer name.
  assert.equal(resolveActor('Sen. John McCain', { date: '2010-01-01' })?.country, 'USA');
  // The name after a title is no sector noun ("Park" the surname is no park).
  assert.equal(resolveActor('Foreign Minister Park Minho', { context: 'Seoul' })?.sector, 'GOV');
});

test("an unknown name with a government's field and its country in the context is an official", () => {
  const official = resolveActor('Amina Wekesa', { context: 'Kenyan defence' });
  assert.equal(official?.country, 'KEN');
  assert.equal(official?.sector, 'GOV');
  // A country alone says nothing of the person's sector.
  assert.equal(resolveActor('Amina Wekesa', { context: 'Kenyan football' })?.sector, null);
});

test("an unknown name takes what its context says of it: the post's sector, an apposition's words", () => {
  const cases: [string, string, string | null, string][] = [
    // A post after a sector noun is of that sector, not the government's.
    ['Joseph Otieno', 'Kenyan opposition leader', 'KEN', 'OPP'],
    ['Joseph Otieno', 'Kenyan police chief', 'KEN', 'COP'],
    ['Joseph Otieno', 'the party leader', null, 'PTY'],
    // The sentence names the person: the apposition, or the words right before the name.
    ['Joseph Otieno', 'Joseph Otieno, a Kenyan MP, said the vote was delayed.', 'KEN', 'LEG'],
    ['Joseph Otieno', 'Ugandan officials met Kenyan MP Joseph Otieno in Kampala.', 'KEN', 'LEG'],
    ['Joseph Otieno', 'Police in Kenya arrested Joseph Otieno, a farmer, on Monday.', 'KEN', 'AGR'],
  ];
  for (const [text, context, country, sector] of cases) {
    const actor = resolveActor(text, { context });
    assert.equal(actor?.country ?? null, country, `${context}: country`);
    assert.equal(actor?.sector ?? null, sector, `${context}: sector`);
  }
});

test('a misspelt name without support stays unknown', () => {
  // One edit from "Ashtiani" but no title, country or other matching word.
  assert.equal(resolveActor('Ashtinai'), null);
});

test('bodies above states print their bloc as the country', () => {
  assert.equal(toResolution(resolveActor('International Court of Justice'))?.country, 'UNO');
  assert.equal(toResolution(resolveActor('IMF'))?.country, 'IGO');
  assert.equal(
    toResolution(resolveActor('the UN secretary-general', { date: '2020-01-01' }))?.country,
    'UNO',
  );
  assert.equal(toResolution(resolveActor('the EU legislature'))?.sector, 'LEG');
});

test('findCountry returns the first country with its offsets and form', () => {
  const text = 'Officials said Iranian drones were seen near Kyiv.';
  const hit = findCountry(text);
  assert.equal(hit?.iso3, 'IRN');
  assert.equal(hit?.form, 'demonym');
  assert.equal(text.slice(hit!.start, hit!.end), 'Iranian');
  assert.equal(findCountry('nothing to see here'), null);
});

test('a known surname with another given name is someone else', () => {
  // The curated "Ben Wallace" and "Gustavo Petro" are not every Wallace or Petro.
  assert.notEqual(resolveActor('George Wallace')?.entityId, 'person:ben-wallace');
  assert.notEqual(resolveActor('Petro Krupko')?.entityId, 'person:gustavo-petro');
  // The dictionaries' Irish minister, not the American general Martin Dempsey.
  assert.equal(resolveActor('Noel Dempsey')?.country, 'IRL');
  // The person's own name words, a title or a common noun beside the surname still name the person.
  assert.equal(resolveActor('Vladimir V. Putin')?.entityId, 'person:vladimir-putin');
  assert.equal(resolveActor('Gen. Dempsey')?.entityId, 'person:martin-dempsey');
  assert.equal(resolveActor('Erdogan Government')?.country, 'TUR');
  // An honorific the titles do not list is no given name.
  assert.equal(resolveActor('Comrade Xi')?.entityId, 'person:xi-jinping');
});

test('a place word inside a longer dictionary name is part of the name', () => {
  // A Portuguese minister whose surname is Peru's capital.
  assert.equal(resolveActor('Isabel Pires de Lima')?.country, 'PRT');
});

test("a post after a sector noun or a body's name is of that sector, not the government's", () => {
  const cases: Case[] = [
    { text: 'rebel leader', country: null, sector: 'REB' },
    { text: 'a police spokeswoman', country: null, sector: 'COP' },
    { text: 'business leaders', country: null, sector: 'BUS' },
    { text: 'Taliban spokesman', country: 'AFG', sector: 'REB' },
    { text: 'Iranian military spokesman', country: 'IRN', sector: 'MIL' },
    // A post alone, or after a government body, stays the government's.
    { text: 'Chinese foreign ministry spokesman', country: 'CHN', sector: 'GOV' },
    { text: 'a senior official', country: null, sector: 'GOV' },
  ];
  check(cases);
});

test("armed men after a non-state or police side's noun or body are of that side, not the military", () => {
  const cases: Case[] = [
    { text: 'Syrian rebel forces', country: 'SYR', sector: 'REB' },
    { text: 'separatist troops', country: null, sector: 'REB' },
    { text: 'opposition forces', country: null, sector: 'REB' },
    { text: 'Colombian police units', country: 'COL', sector: 'COP' },
    { text: 'militia forces', country: null, sector: 'PRM' },
    { text: 'cartel gunmen', country: null, sector: 'CRM' },
    { text: 'Houthi forces', country: 'YEM', sector: 'REB' },
    // The government's, the army's or a state body's armed men stay military.
    { text: 'Sudanese government forces', country: 'SDN', sector: 'MIL' },
    { text: 'army troops', country: null, sector: 'MIL' },
    { text: 'NATO forces', country: null, sector: 'MIL' },
  ];
  check(cases);
});

test('an unknown name of a body of states is intergovernmental, not of a country named in it', () => {
  for (const text of [
    'Baghdad Pact',
    'Council of the Baltic Sea States',
    'Union of South American Nations',
  ]) {
    const actor = resolveActor(text);
    assert.equal(actor?.bloc, 'IGO', text);
    assert.equal(actor?.country, null, text);
  }
  // "United States" and bodies of people are no bodies of states.
  assert.equal(resolveActor('United States')?.country, 'USA');
  assert.notEqual(resolveActor('Union of Concerned Scientists')?.bloc, 'IGO');
});

test("a known body's name after another country's name is that country's body of the kind", () => {
  // "Congress party" (India) and "Democratic Party" (United States) are known; these are not them.
  const party = resolveActor('Malawi Congress Party');
  assert.equal(party?.country, 'MWI');
  assert.equal(party?.sector, 'PTY');
  assert.equal(resolveActor('the Botswana Democratic Party')?.country, 'BWA');
  // The words of the name still give the sector: a country's defence force is its army.
  const army = resolveActor("Tanzania People's Defence Force");
  assert.equal(army?.country, 'TZA');
  assert.equal(army?.sector, 'MIL');
  // The body's own country before its name changes nothing.
  assert.equal(resolveActor('US Democratic Party')?.name, 'Democratic Party');
});

test('a name the knowledge base lacks, with its country or an apposition in the text, is a person', () => {
  for (const text of ["Kenya's Joseph Otieno", 'Joseph Otieno of Kenya', 'Kenyan Joseph Otieno']) {
    const actor = resolveActor(text);
    assert.equal(actor?.type, 'PERSON', text);
    assert.equal(actor?.name, 'Joseph Otieno', text);
    assert.equal(actor?.country, 'KEN', text);
  }
  const minister = resolveActor("Joseph Otieno, Kenya's interior minister");
  assert.equal(minister?.name, 'Joseph Otieno');
  assert.equal(minister?.country, 'KEN');
  assert.equal(minister?.sector, 'GOV');
  assert.equal(resolveActor('Joseph Otieno, a senator')?.sector, 'LEG');
  // A place and its country is no person.
  assert.equal(resolveActor('Nairobi, Kenya')?.type, 'GPE');
});

test("a capitalised name ending in a newspaper's title word is the press of its place", () => {
  const paper = resolveActor('Lusaka Times');
  assert.equal(paper?.country, 'ZMB');
  assert.equal(paper?.sector, 'JRN');
  assert.equal(resolveActor('Kampala Tribune')?.sector, 'JRN');
  // The word in lower case is no newspaper.
  assert.equal(resolveActor('the border post'), null);
});

test("a known body's name at the end of a longer capitalised name is another body of the kind", () => {
  const cases: Case[] = [
    { text: 'Social Democratic Party', country: null, sector: 'PTY', name: 'Social Democratic Party' },
    { text: 'the Highland Democratic Party', country: null, sector: 'PTY' },
    // The known name itself, with an article, and a one-word name after a modifier stay the body.
    { text: 'The Democratic Party', country: 'USA', sector: 'PTY', name: 'Democratic Party' },
    { text: 'House Republicans', country: 'USA', sector: 'PTY' },
  ];
  check(cases);
});

test('a short form the context defines in brackets after a name is that name', () => {
  const cases: Case[] = [
    {
      text: 'SCFU',
      context: 'The Silver Creek Farmers Union (SCFU) rejected the budget on Monday.',
      country: null,
      sector: 'LAB',
      name: 'Silver Creek Farmers Union',
    },
    {
      text: 'the MoA',
      context: "Kenya's Ministry of Agriculture (MoA) banned the imports.",
      country: 'KEN',
      sector: 'GOV',
    },
    // Defined otherwise in the context, a known short form names the defined body.
    {
      text: 'PA',
      context: 'The Press Association (PA) said the trial had ended.',
      country: null,
      sector: 'SOC',
    },
    // Without a definition, the knowledge base's reading stands.
    { text: 'PA', context: 'The PA said talks had stalled again.', country: 'PSE', sector: 'GOV' },
  ];
  check(cases);
});

test('a capital named with an article ("The Valley") is not every valley', () => {
  check([{ text: 'Silicon Valley investors', country: null, sector: 'BUS' }]);
  assert.equal(resolveActor('Anguilla')?.country, 'AIA');
  assert.equal(resolveActor('Silicon Valley'), null);
});

test("a name alone that is another spelling of one dictionary person's name is that person", () => {
  // The dictionaries spell "Mbeki"; one edit in the surname, the given name spelt alike.
  const president = resolveActor('Thabo Mbeky');
  assert.equal(president?.entityId, 'person:thabo-mbeki');
  assert.equal(president?.country, 'ZAF');
  assert.equal(president?.sector, 'GOV');
  // The text's spelling is kept: the dictionaries' is no more canonical.
  assert.equal(president?.name, 'Thabo Mbeky');
  // Dated after the role ended: a former official.
  assert.equal(resolveActor('Thabo Mbeky', { date: '2020-06-01' })?.sector, 'ELI');
  // Only one word spelt alike and the other too far off: no one.
  assert.equal(resolveActor('Thabo Mbexxy'), null);
  // A common given name with a made-up surname names no one.
  assert.equal(resolveActor('Ahmed Hasanzadehx'), null);
});

test('an armed body whose name has a word of armed movements is rebels, a state force the military', () => {
  const cases: [string, string | null, string][] = [
    ['Sudanese Revolutionary Forces', 'SDN', 'REB'],
    ['Karen National Liberation Army', null, 'REB'],
    ['Ogaden Democratic Forces', null, 'REB'],
    // A state's own forces stay military, whatever the words of its country's name.
    ['Tanzanian army', 'TZA', 'MIL'],
    ['Democratic Republic of Congo Armed Forces', 'COD', 'MIL'],
    ['Kenya Defence Forces', 'KEN', 'MIL'],
    // A state force named like a movement is a known body.
    ['Cuban Revolutionary Armed Forces', 'CUB', 'MIL'],
  ];
  for (const [text, country, sector] of cases) {
    const actor = resolveActor(text);
    assert.equal(actor?.sector, sector, text);
    if (country) assert.equal(actor?.country, country, text);
  }
  // Lower case, the words describe rather than name: no movement is meant.
  assert.equal(resolveActor('democratic forces')?.sector, 'MIL');
});

test('titles stacked before a name are no part of it; the first, the post, gives the sector', () => {
  const minister = resolveActor('Kenyan Deputy Defence Minister Lt. Gen. Amos Kiprono');
  assert.equal(minister?.name, 'Amos Kiprono');
  assert.equal(minister?.country, 'KEN');
  assert.equal(minister?.sector, 'GOV');
  const general = resolveActor('Lt. Gen. Amos Kiprono');
  assert.equal(general?.name, 'Amos Kiprono');
  assert.equal(general?.sector, 'MIL');
});
