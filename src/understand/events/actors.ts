// Actor phrases in one sentence: entity mentions widened by sector heads ("Turkish police",
// "forces in Guinea"), capitalised names the knowledge base resolves, bare sector heads
// ("rebels"), pronouns and reciprocal phrases ("the two countries").
import type { Entity, EventActor } from '../../model/index.ts';
import type { Actor, ResolveOptions } from '../actors/index.ts';
import { loadJson } from './data.ts';
import { eventLexicon } from './lexicon.ts';
import type { Token } from './text.ts';

export type Resolver = (text: string, options: ResolveOptions) => Actor | null;

export interface ActorSpan {
  /** Token indexes [first, last). */
  first: number;
  last: number;
  actor: EventActor | null;
  kind: 'named' | 'head' | 'pronoun' | 'reciprocal';
  /** Index of the coordination group ("Iran and China") this span belongs to. */
  group: number;
  /** The entity's type, for pronoun agreement. */
  person: boolean;
  /** An adjectival mention ("Irish", "Bangladeshi"): it may stand before adjectives and a head. */
  demonym?: boolean;
  /** A head owned by an earlier actor ("its troops"): the actor's own means, rarely a target. */
  owned?: boolean;
}

interface HeadData {
  heads: Record<string, string>;
  pronouns: string[];
}
const headData = loadJson<HeadData>('events/actor-heads.json');
const HEADS = new Map(Object.entries(headData.heads));
const PRONOUNS = new Set(headData.pronouns);
const MAX_HEAD_WORDS = 3;
const RECIPROCAL =
  /^(?:the two|both) (?:countries|nations|sides|leaders|states|governments|neighbors|neighbours|allies|parties|men|presidents|ministers)$/;
const LINKS = new Set(['in', 'of', 'from']);
const NOT_NAMES = new Set(
  'the a an this that these those on in at by for with to of and or but as after before since while during monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow'.split(
    ' ',
  ),
);

export interface ActorContext {
  text: string;
  entities: Entity[];
  resolve: Resolver;
  date: string | null;
  /**
   * The article's main country as text ("Iran"), when one dominates it: "the defense minister" of a
   * sentence that names no country is that country's (see ResolveOptions.context).
   */
  context?: string | null;
}

/** Every actor phrase in tokens (one sentence), left to right, with coordination groups. */
export function findActorSpans(tokens: Token[], ctx: ActorContext): ActorSpan[] {
  const named = entitySpans(tokens, ctx);
  const covered = new Set<number>();
  for (const s of named) for (let i = s.first; i < s.last; i++) covered.add(i);
  named.push(...capitalisedSpans(tokens, covered, ctx));
  for (const s of named) for (let i = s.first; i < s.last; i++) covered.add(i);
  const heads = headSpans(tokens, covered);
  const spans = mergeAppositions(attachHeads(named, heads, tokens, ctx), tokens);
  spans.push(...pronounSpans(tokens, spans));
  spans.sort((a, b) => a.first - b.first);
  if (isHeadline(tokens)) trimHeadlineNames(spans, tokens);
  ownHeads(spans);
  inferDomesticCountry(spans);
  articleCountry(spans, tokens, ctx);
  groupCoordinated(spans, tokens);
  return spans;
}

/**
 * A headline in title case: every word of four letters or more capitalised but at most one, and at
 * least three of them (a sentence full of names still has its verbs and nouns in lower case).
 */
function isHeadline(tokens: Token[]): boolean {
  let capital = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || !t.word || !LETTER_START.test(t.text)) continue;
    if (t.cap) capital++;
    else if (++lower > 1) return false;
  }
  return capital >= 3;
}

const LETTER_START = /^\p{L}/u;

/**
 * "Protesters Clash With Police", "Opposition Calls For Strike": in a headline a capitalised run runs
 * on into the verb; a name the knowledge base read from such a run ends before the first word that
 * anchors an event pattern.
 */
function trimHeadlineNames(spans: ActorSpan[], tokens: Token[]): void {
  const lexicon = eventLexicon();
  for (const span of spans) {
    if (span.kind !== 'named' || span.person) continue;
    for (let k = span.first + 1; k < span.last; k++) {
      if (!lexicon.anchors(tokens[k]?.stem ?? '')) continue;
      span.last = k;
      break;
    }
  }
}

function entitySpans(tokens: Token[], ctx: ActorContext): ActorSpan[] {
  const out: ActorSpan[] = [];
  if (!tokens.length) return out;
  const from = tokens[0]?.start ?? 0;
  const to = tokens[tokens.length - 1]?.end ?? 0;
  for (const entity of ctx.entities) {
    if (entity.type === 'MISC') continue;
    // Every mention of the article is tried against every sentence: the loop captures nothing, so
    // no closure or context is made per mention.
    for (const m of entity.mentions) {
      if (m.end <= from || m.start >= to || m.form === 'pronoun') continue;
      const first = firstEndingAfter(tokens, m.start);
      let last = first;
      while (last < tokens.length && (tokens[last]?.start ?? Infinity) < m.end) last++;
      if (first < 0 || last <= first) continue;
      if (overlapsSpan(out, first, last)) continue;
      const actor = entityActor(entity, m.text, ctx);
      // A name the knowledge base cannot place ("Failure" at a sentence start) is no actor.
      if (entity.type !== 'PERSON' && !actor.country && !actor.code && !actor.sector) continue;
      out.push({
        first,
        last,
        actor,
        kind: 'named',
        group: -1,
        person: entity.type === 'PERSON',
        demonym: m.form === 'demonym',
      });
    }
  }
  return out;
}

/** Index of the first token ending after `offset`, or -1. */
function firstEndingAfter(tokens: Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.end > offset) return i;
  return -1;
}

function overlapsSpan(spans: ActorSpan[], first: number, last: number): boolean {
  for (const s of spans) if (s.first < last && first < s.last) return true;
  return false;
}

/** The entity as an actor; a countryless place or organisation is looked up by its mention. */
function entityActor(entity: Entity, mention: string, ctx: ActorContext): EventActor {
  if (!entity.country && entity.type !== 'PERSON') {
    const known = ctx.resolve(mention, { date: ctx.date });
    if (known?.country || known?.code) return fromActor(known);
  }
  const sector = entity.sector ?? null;
  const code = typeof entity.code === 'string' ? entity.code : null;
  return withBloc({
    name: entity.name,
    country: entity.country,
    sector,
    code: code ?? actorCode(entity.country, sector),
    entityId: entity.id,
  });
}

function fromActor(actor: Actor): EventActor {
  return withBloc({
    name: actor.name,
    country: actor.country,
    sector: actor.sector,
    code: actor.code ?? actorCode(actor.country, actor.sector),
    entityId: actor.entityId,
  });
}

/** PLOVER's non-state "countries": the UN and the EU count as IGOs. */
const BLOCS: Record<string, string> = {
  IGO: 'IGO',
  UNO: 'IGO',
  EUR: 'IGO',
  NGO: 'NGO',
  IMG: 'IMG',
  ISM: 'ISM',
  MNC: 'MNC',
};

/** An organisation without a country takes its bloc (IGO, NGO, IMG…) as country, as PLOVER codes it. */
function withBloc(actor: EventActor): EventActor {
  const bloc = actor.country ? null : BLOCS[(actor.code ?? '').slice(0, 3)];
  if (!bloc) return actor;
  return { ...actor, country: bloc, code: actorCode(bloc, actor.sector) };
}

export function actorCode(country: string | null, sector: string | null): string | null {
  if (country) return country + (sector ?? '');
  return sector;
}

const UPPER_START = /^\p{Lu}/u;

/** A capitalised word that may name an actor: a sentence-initial "He" or "They" is a pronoun, never a name. */
function isCapitalised(t: Token): boolean {
  return UPPER_START.test(t.text) && !NOT_NAMES.has(t.lower) && !PRONOUNS.has(t.lower);
}

/** Capitalised runs no entity covers, resolved through the knowledge base (longest piece first). */
function capitalisedSpans(tokens: Token[], covered: Set<number>, ctx: ActorContext): ActorSpan[] {
  const out: ActorSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || covered.has(i) || !isCapitalised(t)) continue;
    let j = i;
    while (
      j < tokens.length &&
      !covered.has(j) &&
      tokens[j] &&
      isCapitalised(tokens[j] as Token) &&
      j - i < 6
    )
      j++;
    out.push(...resolveRun(tokens, i, j, ctx));
    i = j - 1;
  }
  return out;
}

/**
 * The longest piece of a capitalised run the knowledge base knows: the whole run, then the run
 * without leading words ("Angry Fatah" → "Fatah"), then without trailing ones. Linear in the run.
 */
function resolveRun(tokens: Token[], first: number, last: number, ctx: ActorContext): ActorSpan[] {
  if (last <= first) return [];
  const pieces: [number, number][] = [[first, last]];
  for (let a = first + 1; a < last; a++) pieces.push([a, last]);
  for (let b = last - 1; b > first; b--) pieces.push([first, b]);
  for (const [a, b] of pieces) {
    const text = ctx.text.slice(tokens[a]?.start ?? 0, tokens[b - 1]?.end ?? 0);
    const actor = ctx.resolve(text, { date: ctx.date });
    // A countryless generic group ("Rebels") is left to the sector heads, which can take a country.
    if (!actor || (!actor.country && HEADS.has(text.toLowerCase()))) continue;
    const span: ActorSpan = {
      first: a,
      last: b,
      actor: fromActor(actor),
      kind: 'named',
      group: -1,
      person: actor.type === 'PERSON',
    };
    return [span, ...resolveRun(tokens, first, a, ctx), ...resolveRun(tokens, b, last, ctx)];
  }
  return [];
}

interface Head {
  first: number;
  last: number;
  sector: string;
}

/** First words of the sector heads: a word that opens none is passed over at once. */
const HEAD_FIRST_WORDS = new Set([...HEADS.keys()].map((h) => h.split(' ')[0] ?? ''));

function headSpans(tokens: Token[], covered: Set<number>): Head[] {
  const out: Head[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !HEAD_FIRST_WORDS.has(tokens[i]?.lower ?? '')) continue;
    for (let n = MAX_HEAD_WORDS; n >= 1; n--) {
      const phrase = freePhrase(tokens, covered, i, n);
      if (phrase === null) continue;
      const sector = HEADS.get(phrase);
      if (!sector) continue;
      // "opposition groups", "police officers", "government officials": the head names the members'
      // side, the plural noun after it who they are.
      const members = COLLECTIVE.test(tokens[i + n]?.text ?? '') && !covered.has(i + n) ? 1 : 0;
      if (members || !usedAsModifier(tokens[i + n])) {
        out.push({ first: i, last: i + n + members, sector });
        i += n + members - 1;
        break;
      }
    }
  }
  return out;
}

/** The lower-case words of tokens [i, i + n) when all n are there and none is covered, else null. */
function freePhrase(tokens: Token[], covered: Set<number>, i: number, n: number): string | null {
  if (i + n > tokens.length) return null;
  let phrase = '';
  for (let k = 0; k < n; k++) {
    if (covered.has(i + k)) return null;
    phrase = k ? `${phrase} ${tokens[i + k]!.lower}` : tokens[i + k]!.lower;
  }
  return phrase;
}

/** Nouns of the people who make up a side ("opposition groups", "army officers"). */
const COLLECTIVE =
  /^(?:groups?|members?|leaders?|officials?|officers?|figures?|supporters?|activists?|units?|commanders?|spokes(?:man|woman|person)|representatives?|delegations?|delegates?|personnel|chiefs?)$/;

const FOLLOWERS = new Set(
  'and or of in from to who that which whose have has had are were was is will would could should may might must can said say says on at for with by against also near across along during after before into over under as outside inside while when since until but than through toward towards around within without about throughout amid despite following per among still again reportedly allegedly yesterday today now then later there here remain remains continue continues claim claims want wants need needs plan plans began begin begins seem seems appear appears were'.split(
    ' ',
  ),
);

/** "military exercises", "government troops": a head word before a noun is no actor of its own. */
function usedAsModifier(next: Token | undefined): boolean {
  if (!next || !/^\p{Ll}+$/u.test(next.text)) return false;
  // "military cooperation", "government agreement": a nominalisation is a noun, never the verb of
  // the head before it, even when it names an act.
  if (NOMINALISATION.test(next.lower)) return true;
  return !FOLLOWERS.has(next.lower) && !/(?:ed|ing)$/.test(next.lower) && !eventLexicon().anchors(next.stem);
}

const NOMINALISATION = /\p{Ll}{3}(?:tions?|sions?|ments?|ances?|ences?|ships?|ities|ity)$/u;

/**
 * Joins a named span with a sector head next to it: "Turkish police", "Iran's defense chief",
 * "forces in Guinea", "President Raisi". A head alone becomes a countryless actor.
 */
function attachHeads(named: ActorSpan[], heads: Head[], tokens: Token[], ctx: ActorContext): ActorSpan[] {
  const used = new Set<Head>();
  for (const span of named) {
    const before = heads.find((h) => !used.has(h) && gapWords(tokens, h.last, span.first, false));
    const after = heads.find(
      (h) => !used.has(h) && (gapWords(tokens, span.last, h.first, true) || adjectives(tokens, span, h)),
    );
    const head = span.person ? (before ?? after) : (after ?? before);
    if (!head || !span.actor) continue;
    used.add(head);
    span.first = Math.min(span.first, head.first);
    span.last = Math.max(span.last, head.last);
    span.actor = withSector(span, head, tokens, ctx);
  }
  const bare: ActorSpan[] = heads
    .filter((h) => !used.has(h))
    .map((h) => ({
      first: h.first,
      last: h.last,
      actor: {
        name: tokens
          .slice(h.first, h.last)
          .map((t) => t.text)
          .join(' '),
        country: null,
        sector: h.sector,
        code: h.sector,
        entityId: null,
      },
      kind: 'head',
      group: -1,
      person: false,
    }));
  return [...named, ...bare];
}

/** True when only possessives (or, after a head, "in/of/from the") separate two spans. */
/** "Irish nationalist guerrillas": a demonym, up to two lowercase adjectives, then the head. */
function adjectives(tokens: Token[], span: ActorSpan, head: Head): boolean {
  if (!span.demonym || head.first < span.last || head.first - span.last > 2) return false;
  return tokens
    .slice(span.last, head.first)
    .every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && !FOLLOWERS.has(t.lower));
}

function gapWords(tokens: Token[], from: number, to: number, nameFirst: boolean): boolean {
  if (to < from || to - from > 4) return false;
  const words = tokens.slice(from, to).map((t) => t.lower);
  const plain = (w: string) => /^[\p{Ll}\d]+$/u.test(w);
  // "Iran's defense chief", "Iraq's interim government"
  if (nameFirst)
    return words.length === 0 || (words[0] === "'s" && words.length <= 3 && words.slice(1).every(plain));
  // "forces in Guinea", "doctors from two American aid groups"
  return words.length === 0 || (LINKS.has(words[0] ?? '') && words.slice(1).every(plain));
}

function withSector(span: ActorSpan, head: Head, tokens: Token[], ctx: ActorContext): EventActor {
  const actor = span.actor as EventActor;
  const phrase = ctx.text.slice(tokens[span.first]?.start ?? 0, tokens[span.last - 1]?.end ?? 0);
  const resolved = ctx.resolve(phrase, { date: ctx.date });
  if (resolved?.sector && resolved.country === actor.country) return fromActor(resolved);
  if (span.person && actor.sector) return actor;
  const sector = actor.sector && span.person ? actor.sector : head.sector;
  return {
    ...actor,
    sector,
    code: actor.country ? actorCode(actor.country, sector) : (actor.code ?? sector),
  };
}

/**
 * "Zimbabwean Prime Minister Robert Mugabe", "Kenzo Oshima, the UN relief coordinator": a person
 * next to a title is one actor, with the person's name and the title's country and sector.
 */
function mergeAppositions(spans: ActorSpan[], tokens: Token[]): ActorSpan[] {
  spans.sort((a, b) => a.first - b.first);
  const out: ActorSpan[] = [];
  for (const span of spans) {
    out.push(span);
    // Merge backwards as long as the newest span is apposed to the one before it.
    for (let prev = out[out.length - 2], last = out[out.length - 1]; prev && last;) {
      if (!prev.actor || !last.actor || !apposed(prev, last, tokens)) break;
      mergeInto(prev, last);
      out.pop();
      [prev, last] = [out[out.length - 2], out[out.length - 1]];
    }
  }
  return out;
}

function mergeInto(prev: ActorSpan, span: ActorSpan): void {
  const [main, other] = span.person || !prev.person ? [span, prev] : [prev, span];
  const m = main.actor as EventActor;
  const o = other.actor as EventActor;
  const country = m.country ?? o.country;
  const sector = m.sector ?? o.sector;
  const code = country
    ? m.country && m.code
      ? m.code
      : actorCode(country, sector)
    : (m.code ?? o.code ?? sector);
  prev.actor = { ...m, country, sector, code };
  prev.last = Math.max(prev.last, span.last);
  prev.person = prev.person || span.person;
}

/** Side by side ("Zimbabwean Prime Minister Robert Mugabe") or a comma apposition with a title. */
function apposed(a: ActorSpan, b: ActorSpan, tokens: Token[]): boolean {
  const x = a.actor as EventActor;
  const y = b.actor as EventActor;
  if (x.country && y.country && x.country !== y.country) return false;
  const between = tokens.slice(a.last, b.first).map((t) => t.lower);
  const oneLacks = !x.country || !y.country || !x.sector || !y.sector;
  if (
    (between.length === 0 || (between.length === 1 && between[0] === "'s")) &&
    (a.person || b.person || oneLacks)
  ) {
    return !(a.person && b.person);
  }
  const titled = (s: ActorSpan) => !s.person && s.actor?.sector != null;
  // "King Hassan of Morocco", "the deputy chief of Israel's militia"
  if (
    between.length === 1 &&
    between[0] === 'of' &&
    (a.person || titled(a)) &&
    !x.country &&
    y.country &&
    !y.sector
  ) {
    return true;
  }
  const comma =
    between[0] === ',' && (between.length === 1 || (between.length === 2 && between[1] === 'the'));
  // "Iran's defense chief, Gen. Ashtiani": two names for one person, one of them placed.
  const samePerson = a.person && b.person && (x.entityId === y.entityId || !x.country || !y.country);
  return comma && ((a.person && titled(b)) || (b.person && titled(a)) || samePerson);
}

function pronounSpans(tokens: Token[], spans: ActorSpan[]): ActorSpan[] {
  const out: ActorSpan[] = [];
  const taken = (i: number) => spans.some((s) => s.first <= i && i < s.last);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // Only a pronoun, or "the" or "both" opening a reciprocal phrase, can start a span here.
    if (!PRONOUNS.has(t.lower) && t.lower !== 'the' && t.lower !== 'both') continue;
    if (taken(i)) continue;
    if (PRONOUNS.has(t.lower)) {
      out.push({
        first: i,
        last: i + 1,
        actor: null,
        kind: 'pronoun',
        group: -1,
        person: /^(?:he|she|his|her|him)$/.test(t.lower),
      });
      continue;
    }
    // "the two countries", "both sides"
    if (t.lower !== 'the' && t.lower !== 'both') continue;
    for (const n of [3, 2]) {
      const phrase = tokens
        .slice(i, i + n)
        .map((w) => w.lower)
        .join(' ');
      if (!RECIPROCAL.test(phrase)) continue;
      out.push({ first: i, last: i + n, actor: null, kind: 'reciprocal', group: -1, person: false });
      i += n - 1;
      break;
    }
  }
  return out;
}

/** "its troops", "their foreign minister": the head belongs to the nearest country before it. */
function ownHeads(spans: ActorSpan[]): void {
  spans.forEach((span, k) => {
    const next = spans[k + 1];
    if (span.kind !== 'pronoun' || span.person || !next || next.kind !== 'head' || next.first !== span.last)
      return;
    const owner = spans
      .slice(0, k)
      .reverse()
      .find((a) => a.kind === 'named' && !a.person && a.actor?.country)?.actor;
    if (!owner || !next.actor) return;
    const sector = next.actor.sector;
    next.actor = { ...next.actor, country: owner.country, code: actorCode(owner.country, sector) };
    next.owned = true;
  });
}

/**
 * A titled person or group the knowledge base has no country for ("President Yoweri Museveni",
 * "rebels") takes the country when the sentence names exactly one.
 */
function inferDomesticCountry(spans: ActorSpan[]): void {
  const countries = new Set(
    spans.map((s) => s.actor?.country).filter((c): c is string => !!c && !BLOC_COUNTRIES.has(c)),
  );
  inheritCountry(spans);
  if (countries.size !== 1) return;
  const [country] = [...countries] as [string];
  for (const s of spans) {
    if (!s.actor || s.actor.country || !s.actor.sector || BLOCS[(s.actor.code ?? '').slice(0, 3)]) continue;
    s.actor = { ...s.actor, country, code: actorCode(country, s.actor.sector) };
  }
}
const BLOC_COUNTRIES = new Set(Object.values(BLOCS));

/**
 * "the defense minister said" in a sentence that names no country: the office or body of the
 * article's main country (the holder of the office on the day, when the knowledge base knows one).
 */
function articleCountry(spans: ActorSpan[], tokens: Token[], ctx: ActorContext): void {
  if (!ctx.context || spans.some((s) => s.actor?.country)) return;
  for (const s of spans) {
    if (s.kind !== 'head' || !s.actor || s.actor.country || BLOCS[(s.actor.code ?? '').slice(0, 3)]) continue;
    const phrase = ctx.text.slice(tokens[s.first]?.start ?? 0, tokens[s.last - 1]?.end ?? 0);
    const resolved = ctx.resolve(phrase, { date: ctx.date, context: ctx.context });
    // Offices and domestic bodies only: armed forces and rebels are often a foreign party's.
    if (resolved?.country && (resolved.type === 'PERSON' || DOMESTIC_BODIES.has(resolved.sector ?? '')))
      s.actor = fromActor(resolved);
  }
}
const DOMESTIC_BODIES = new Set(['GOV', 'LEG', 'JUD', 'COP']);
/** Sectors of people acted upon at home: students, protesters, workers, journalists… */
const CIVIL = new Set(['CVL', 'EDU', 'OPP', 'LAB', 'JRN', 'REF', 'REL', 'MED', 'BUS', 'AGR', 'CRM', 'SOC']);

/** "Turkish police … students": a countryless civil head after a national actor is of its country. */
function inheritCountry(spans: ActorSpan[]): void {
  spans.forEach((s, k) => {
    if (s.kind !== 'head' || !s.actor || s.actor.country || !CIVIL.has(s.actor.sector ?? '')) return;
    const earlier = spans
      .slice(0, k)
      .reverse()
      .find((a) => a.actor?.country && !BLOC_COUNTRIES.has(a.actor.country));
    if (!earlier?.actor?.country) return;
    const country = earlier.actor.country;
    s.actor = { ...s.actor, country, code: actorCode(country, s.actor.sector) };
  });
}

/** Spans joined by "and", "," or "as well as" share a group: they act together. */
function groupCoordinated(spans: ActorSpan[], tokens: Token[]): void {
  let group = 0;
  spans.forEach((span, k) => {
    const prev = spans[k - 1];
    if (
      prev &&
      prev.kind !== 'pronoun' &&
      span.kind !== 'pronoun' &&
      coordinated(tokens, prev.last, span.first) &&
      (!commaOnly(tokens, prev.last, span.first) || listGoesOn(spans, k, tokens))
    ) {
      span.group = prev.group;
    } else span.group = group++;
  });
}

/**
 * "Iran attacked Iraq and Syria condemned the attack": an "and" the text layer reads as opening a new
 * clause (its noun phrase is followed by a finite verb) joins two clauses, not two actors. An actor
 * that begins the subject of a clause opening between it and the actor before it starts a new group;
 * the conjuncts after it in its old group go with it ("… and Syria and Turkey condemned it").
 */
export function splitAtClauses(
  spans: ActorSpan[],
  clauses: readonly {
    first: number;
    verb: { first: number };
    subject: { first: number; last: number } | null;
  }[],
): void {
  let fresh = Math.max(-1, ...spans.map((a) => a.group)) + 1;
  spans.forEach((span, k) => {
    const prev = spans[k - 1];
    if (!prev || prev.group !== span.group) return;
    const opens = clauses.some(
      (c) =>
        c.subject &&
        c.first >= prev.last &&
        c.first <= span.first &&
        c.subject.first <= span.first &&
        span.first < c.subject.last &&
        // "US and British forces must …" tagged with "forces" as the verb: a verb inside an actor's
        // own words is the tagger's slip, not a clause.
        !spans.some((a) => a.first <= c.verb.first && c.verb.first < a.last),
    );
    if (!opens) return;
    const old = span.group;
    const group = fresh++;
    for (let j = k; j < spans.length && spans[j]!.group === old; j++) spans[j]!.group = group;
  });
}

function commaOnly(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).map((t) => t.lower);
  return words[0] === ',' && !words.includes('and');
}

/** "Iran, China and Russia": a comma joins actors only in a list that ends with "and"/"or". */
function listGoesOn(spans: ActorSpan[], k: number, tokens: Token[]): boolean {
  for (let j = k; j + 1 < spans.length; j++) {
    const a = spans[j] as ActorSpan;
    const b = spans[j + 1] as ActorSpan;
    const words = tokens.slice(a.last, b.first).map((t) => t.lower);
    if (words.length && words.length <= 2 && (words.includes('and') || words.includes('or'))) return true;
    if (!(words.length === 1 && words[0] === ',')) return false;
  }
  return false;
}

function coordinated(tokens: Token[], from: number, to: number): boolean {
  const words = tokens
    .slice(from, to)
    .map((t) => t.lower)
    .join(' ');
  return /^(?:,|and|, and|as well as|and the|, the|and other|and its|and their|along with|together with)$/.test(
    words,
  );
}
