// Quotes (direct, indirect, mixed) with their speakers.
import type { Entity, Quote } from '../../model/index.ts';
import { sentenceCandidates, type Candidate } from './attribute.ts';
import { findPeople } from './people.ts';
import { SpeakerResolver, type ResolvedSpeaker } from './resolve.ts';
import {
  readText,
  textDocFor,
  type QuotedSpan,
  type Sentence,
  type TextDoc,
  type Token,
} from '../text/index.ts';

interface Analysis {
  tokens: Token[];
  spans: QuotedSpan[];
  quoteOf: Int32Array;
  sentences: Sentence[];
}

const FIRST_PERSON = new Set(['i', 'we']);

/** The text layer's tokens, quoted passages and quote-aware sentences. */
function analyse(doc: TextDoc): Analysis {
  return { tokens: doc.tokens, spans: doc.quoted, quoteOf: doc.quoteOf, sentences: doc.sentences };
}

function phraseText(
  text: string,
  tokens: Token[],
  range: { first: number; last: number } | null,
): string | null {
  if (!range || range.last <= range.first) return null;
  return text.slice(tokens[range.first]!.start, tokens[range.last - 1]!.end);
}

function speakerFor(c: Candidate, s: Sentence, resolver: SpeakerResolver): ResolvedSpeaker | null {
  if (c.speaker) return resolver.resolve(c.speaker, s.first);
  return resolver.previous(c.start);
}

function toQuote(text: string, a: Analysis, c: Candidate, speaker: ResolvedSpeaker | null): Quote {
  const cue = c.cue ? phraseText(text, a.tokens, { first: c.cue.cueFirst, last: c.cue.cueLast }) : null;
  let confidence = c.confidence;
  if (c.speaker?.kind === 'pronoun') confidence -= 0.1;
  if (!speaker) confidence -= 0.2;
  return {
    text: text.slice(c.start, c.end),
    kind: c.kind,
    speaker: speaker
      ? { name: speaker.name, entityId: speaker.entityId, start: speaker.start, end: speaker.end }
      : null,
    start: c.start,
    end: c.end,
    cue,
    addressee: c.cue ? phraseText(text, a.tokens, c.cue.addressee) : null,
    medium: c.cue ? phraseText(text, a.tokens, c.cue.medium) : null,
    confidence: Math.round(Math.max(0.1, confidence) * 100) / 100,
  };
}

/** Reported speech inside a long direct quote ("…Raisi told Wei that Tehran sees…") by a named speaker. */
function nestedQuotes(text: string, outer: Quote, resolver: SpeakerResolver): Quote[] {
  const inner = text.slice(outer.start + 1, outer.end - 1);
  if (inner.length < 60) return [];
  const a = analyse(readText(inner));
  const out: Quote[] = [];
  for (const s of a.sentences) {
    const view = { tokens: a.tokens, first: s.first, last: s.last, quoteOf: a.quoteOf };
    for (const c of sentenceCandidates(view, a.spans)) {
      if (c.kind === 'direct' || c.speaker?.kind !== 'name' || c.cue?.verb?.kind !== 'speech') continue;
      const name = inner.slice(a.tokens[c.speaker.nameFirst]!.start, a.tokens[c.speaker.nameLast - 1]!.end);
      const shift = outer.start + 1;
      const resolved = resolver.resolveNameAt(name, a.tokens[c.speaker.nameFirst]!.start + shift);
      const q = toQuote(inner, a, c, resolved);
      out.push({
        ...q,
        start: c.start + shift,
        end: c.end + shift,
        confidence: Math.min(Number(q.confidence ?? 0.5), 0.6),
      });
    }
  }
  return out;
}

/** A quote running over several paragraphs comes out as one quote per paragraph, same speaker. */
function splitParagraphs(text: string, q: Quote): Quote[] {
  if (q.kind !== 'direct' || !q.text.includes('\n')) return [q];
  const out: Quote[] = [];
  const re = /[^\n]+/g;
  for (const m of q.text.matchAll(re)) {
    const piece = m[0].trim();
    if (!/[\p{L}\p{N}]/u.test(piece) || piece.length < 3) continue;
    const start = q.start + m.index + m[0].indexOf(piece);
    out.push({ ...q, text: piece, start, end: start + piece.length });
  }
  return out.length ? out : [q];
}

/** Quotes of a text; `doc` is the text layer already read from it (understand() passes it on). */
export function findQuotes(text: string, entities: Entity[], doc?: TextDoc): Quote[] {
  const a = analyse(textDocFor(text, doc, 'quotes'));
  const previousStart = new Map(a.sentences.slice(1).map((s, i) => [s.first, a.sentences[i]!.first]));
  const resolver = new SpeakerResolver(text, a.tokens, findPeople(a.tokens), entities, previousStart);
  const quotes: Quote[] = [];
  for (const s of a.sentences) {
    const view = { tokens: a.tokens, first: s.first, last: s.last, quoteOf: a.quoteOf };
    for (const c of sentenceCandidates(view, a.spans)) {
      if (c.speaker?.kind === 'pronoun' && FIRST_PERSON.has(a.tokens[c.speaker.first]!.lower)) {
        // the writer's own words ("…," I said) are not attributed statements
        resolver.forget();
        continue;
      }
      const speaker = speakerFor(c, s, resolver);
      const q = toQuote(text, a, c, speaker);
      quotes.push(...splitParagraphs(text, q));
      resolver.note(speaker, c.end);
      // a source quoted whole (a wire report, a statement) may itself report what someone said
      if (q.kind === 'direct' && speaker && !speaker.person) quotes.push(...nestedQuotes(text, q, resolver));
    }
  }
  return quotes;
}
