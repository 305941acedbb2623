// From a speaker phrase to a Speaker: the entity whose mention it is, the full name a surname stands
// for, the person a pronoun or a role ("the mayor") refers to, or the running speaker for a floating quote.
import type { Entity, Speaker } from '../../model/index.ts';
import { lexicon } from './lexicon.ts';
import type { People, PersonMention } from './people.ts';
import type { Phrase } from './phrase.ts';
import { stripPossessive, type Token } from '../text/index.ts';

export interface ResolvedSpeaker extends Speaker {
  /** PERSON when a person is meant; used for later pronouns. */
  person: boolean;
  plural: boolean;
  /** Resolved to a named person or entity, not only a description ("a spokesperson"). */
  named?: boolean;
}

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

function lastWord(name: string): string {
  return stripPossessive(name.trim().split(/\s+/).pop() ?? '').toLowerCase();
}

export class SpeakerResolver {
  private readonly mentions: MentionRef[];
  /** Lower-cased surname → the PERSON entity it names, to link people found without a mention. */
  private readonly personEntities = new Map<string, Entity>();
  private lastPerson: { speaker: ResolvedSpeaker; at: number } | null = null;
  private last: { speaker: ResolvedSpeaker; at: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly people: People,
    entities: Entity[],
    /** First token of each sentence → first token of the sentence before it. */
    private readonly sentenceStarts: Map<number, number> = new Map(),
  ) {
    this.mentions = entities.flatMap((entity) =>
      entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })),
    );
    const clashes = new Set<string>();
    for (const e of entities) {
      if (e.type !== 'PERSON') continue;
      const names = [
        e.name,
        ...e.mentions.filter((m) => m.form === 'name' || m.form === 'alias').map((m) => m.text),
      ];
      for (const n of names) {
        const key = lastWord(n);
        const seen = this.personEntities.get(key);
        if (seen && seen !== e) clashes.add(key);
        this.personEntities.set(key, e);
      }
    }
    // two people sharing a surname ("Jayme Closs", "James Closs"): the surname alone names neither
    for (const key of clashes) this.personEntities.delete(key);
  }

  /** The running speaker, for quotes that stand alone after an attributed one. */
  previous(at: number, within = 2000): ResolvedSpeaker | null {
    if (!this.last || at - this.last.at > within) return null;
    return { ...this.last.speaker, start: null, end: null };
  }

  /** After the writer's own words, a floating quote has no running speaker. */
  forget(): void {
    this.last = null;
  }

  note(speaker: ResolvedSpeaker | null, at: number): void {
    if (!speaker) return;
    this.last = { speaker, at };
    if (speaker.person && speaker.named) this.lastPerson = { speaker, at };
  }

  resolve(phrase: Phrase, sentenceFirst: number): ResolvedSpeaker {
    const start = this.tokens[phrase.nameFirst]!.start;
    const end = this.tokens[phrase.nameLast - 1]!.end;
    // a description must be the mention itself ("the Iranian president"), not hold one ("officials in Tehran")
    let head = phrase.first;
    while (head < phrase.last - 1 && lexicon.npDeterminers.has(this.tokens[head]!.lower)) head++;
    const entity = this.entityAt(start, end, phrase.kind, this.tokens[head]!.start);
    if (phrase.kind === 'pronoun') return this.resolvePronoun(phrase, sentenceFirst, entity);
    if (phrase.kind === 'name') {
      const own = this.resolveName(start, end);
      // the entity stage may read a surname as a place ("Hamilton"); a person seen in the text wins
      if (entity && (entity.type === 'PERSON' || !own.person)) return this.fromEntity(entity, start, end);
      return own;
    }
    if (entity) return this.fromEntity(entity, start, end);
    return this.resolveNominal(phrase, start, end);
  }

  /** A name read elsewhere (inside a quoted passage), with its offsets in the article. */
  resolveNameAt(name: string, start: number): ResolvedSpeaker {
    const end = start + name.length;
    const entity = this.entityAt(start, end);
    if (entity) return this.fromEntity(entity, start, end);
    const words = name.split(/\s+/).map(stripPossessive);
    const surname = words[words.length - 1]!.toLowerCase();
    const full = this.people.fullNames.get(surname);
    return { name: full ?? words.join(' '), entityId: null, start, end, person: !!full, plural: false };
  }

  /**
   * The entity a speaker mention stands for. The mention must end where the phrase ends: "a Freedom
   * Mobile spokesperson" is not the company; a pronoun must be the mention itself.
   */
  private entityAt(
    start: number,
    end: number,
    kind: Phrase['kind'] = 'name',
    headStart = start,
  ): Entity | null {
    let best: Entity | null = null;
    for (const m of this.mentions) {
      if (!(m.start < end && start < m.end)) continue;
      if (kind === 'nominal' && m.start > headStart) continue;
      if (kind === 'pronoun' && (m.start !== start || m.end !== end)) continue;
      if (kind !== 'pronoun' && m.end < end) continue;
      if (!best || m.entity.type === 'PERSON') best = m.entity;
    }
    return best;
  }

  private fromEntity(e: Entity, start: number, end: number): ResolvedSpeaker {
    return {
      name: e.name,
      entityId: e.id,
      start,
      end,
      person: e.type === 'PERSON',
      plural: false,
      named: true,
    };
  }

  private resolveName(start: number, end: number): ResolvedSpeaker {
    const words = this.text.slice(start, end).split(/\s+/).map(stripPossessive);
    const surname = words[words.length - 1]!.toLowerCase();
    const linked = this.personEntities.get(surname);
    if (linked) return this.fromEntity(linked, start, end);
    const full = this.people.fullNames.get(surname);
    const person = !!full || this.people.mentions.some((m) => m.surname === surname);
    const name = full ?? words.join(' ');
    return { name, entityId: null, start, end, person, plural: false, named: true };
  }

  private resolveNominal(phrase: Phrase, start: number, end: number): ResolvedSpeaker {
    const text = this.text.slice(start, end);
    const role = this.roleHolder(phrase);
    if (role) return { ...role, start, end };
    const head = this.tokens[phrase.last - 1]!.lower;
    const plural = head.endsWith('s') && !head.endsWith('ss');
    const person =
      lexicon.titles.has(head) || head.endsWith('man') || head.endsWith('woman') || head.endsWith('person');
    return { name: text, entityId: null, start, end, person, plural };
  }

  /** "the mayor" → the last person named with that role word just before the name ("Mayor John Tory"). */
  private roleHolder(phrase: Phrase): ResolvedSpeaker | null {
    const head = this.tokens[phrase.last - 1]!.lower;
    if (!lexicon.titles.has(head) || this.tokens[phrase.first]!.lower !== 'the') return null;
    for (let i = this.people.mentions.length - 1; i >= 0; i--) {
      const m = this.people.mentions[i]!;
      if (m.first >= phrase.first) continue;
      // "Mayor John Tory" / "John Tory, the mayor" (tokens read in place: this runs for every
      // mention before every nominal speaker).
      if (this.titled(m.first, m.last, head)) {
        return {
          name: this.people.fullNames.get(m.surname) ?? m.full,
          entityId: null,
          start: null,
          end: null,
          person: true,
          plural: false,
          named: true,
        };
      }
    }
    return null;
  }

  /** The role word `head` in the two tokens before a name, or after it behind a comma (four tokens). */
  private titled(first: number, last: number, head: string): boolean {
    const tokens = this.tokens;
    for (let i = Math.max(0, first - 2); i < first; i++) if (tokens[i]!.lower === head) return true;
    if (tokens[last]?.text !== ',') return false;
    const end = Math.min(tokens.length, last + 4);
    for (let i = last; i < end; i++) if (tokens[i]!.lower === head) return true;
    return false;
  }

  private resolvePronoun(phrase: Phrase, sentenceFirst: number, entity: Entity | null): ResolvedSpeaker {
    const tok = this.tokens[phrase.first]!;
    const span = { start: tok.start, end: tok.end };
    if (entity) return this.fromEntity(entity, span.start, span.end);
    const gender = lexicon.pronouns.get(tok.lower);
    if (gender === 'male' || gender === 'female') {
      const p = this.personFor(gender, phrase.first, sentenceFirst);
      if (p) return { ...p, ...span };
    } else if (gender === 'plural' || gender === 'thing') {
      const l = this.last?.speaker;
      if (l && !l.person) return { ...l, ...span };
    }
    return {
      name: tok.text,
      entityId: null,
      ...span,
      person: gender === 'male' || gender === 'female',
      plural: gender === 'plural',
    };
  }

  private compatible(name: string, gender: string): boolean {
    const g = this.people.gender(name.split(' ').map(stripPossessive).join(' '));
    return g === null || g === gender;
  }

  private personFor(gender: string, at: number, sentenceFirst: number): ResolvedSpeaker | null {
    const inSentence = this.people.mentions.find(
      (m) => m.first >= sentenceFirst && m.first <= sentenceFirst + 2 && m.last <= at,
    );
    if (inSentence && this.compatible(inSentence.full, gender)) return this.personMention(inSentence.surname);
    const topic = this.previousSubject(sentenceFirst);
    if (topic && this.compatible(topic.full, gender)) return this.personMention(topic.surname);
    const lp = this.lastPerson?.speaker;
    if (lp && this.compatible(lp.name, gender)) return { ...lp };
    for (let i = this.people.mentions.length - 1; i >= 0; i--) {
      const m = this.people.mentions[i]!;
      if (m.last > at) continue;
      if (this.compatible(m.full, gender)) return this.personMention(m.surname);
    }
    return null;
  }

  /** The person opening the sentence just before this one ("McCallum expressed concern. “…,” he said"). */
  private previousSubject(sentenceFirst: number): PersonMention | null {
    const prevStart = this.sentenceStarts.get(sentenceFirst);
    if (prevStart === undefined) return null;
    return this.people.mentions.find((m) => m.first >= prevStart && m.first <= prevStart + 2) ?? null;
  }

  private personMention(surname: string): ResolvedSpeaker {
    const entity = this.personEntities.get(surname);
    if (entity) return { ...this.fromEntity(entity, 0, 0), start: null, end: null };
    const name = this.people.fullNames.get(surname) ?? surname;
    return { name, entityId: null, start: null, end: null, person: true, plural: false, named: true };
  }
}
