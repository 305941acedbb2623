// One text being read, built once per article and read by every stage (as spaCy's Doc): its tokens,
// quoted passages, sentences, and on first use its part-of-speech tags, noun chunks and clauses.
import { sentenceClauses, type Clause } from './clauses.ts';
import { findQuotedSpans, type QuotedSpan } from './marks.ts';
import { chunkSentence, tagSentence, type Chunk, type Pos } from './pos.ts';
import {
  plainSentences,
  quoteAwareSentences,
  quoteMembership,
  sentenceEnds,
  type Sentence,
} from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';
import { SitrepError } from '../../model/errors.ts';

export class TextDoc {
  readonly text: string;
  readonly tokens: Token[];
  /** Sentences where every sentence end counts, also inside quotation marks. */
  readonly plainSentences: Sentence[];
  readonly #ends: Uint8Array;
  #quoted: QuotedSpan[] | null = null;
  #quoteOf: Int32Array | null = null;
  #sentences: Sentence[] | null = null;
  #plainOf: Int32Array | null = null;
  #tags: Pos[] | null = null;
  #chunks: Chunk[][] | null = null;
  #clauses: Clause[] | null = null;
  #plainTags: Pos[] | null = null;
  readonly #plainClauses = new Map<number, Clause[]>();

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenize(text);
    this.#ends = sentenceEnds(this.tokens);
    this.plainSentences = plainSentences(this.tokens, this.#ends);
  }

  /** Passages between quotation marks. */
  get quoted(): QuotedSpan[] {
    return (this.#quoted ??= findQuotedSpans(this.text));
  }

  /** For each token, the index of the quoted passage it lies in (marks included), or -1. */
  get quoteOf(): Int32Array {
    return (this.#quoteOf ??= quoteMembership(this.tokens, this.quoted));
  }

  /** Sentences with quoted passages kept whole (see sentences.ts). */
  get sentences(): Sentence[] {
    return (this.#sentences ??= quoteAwareSentences(
      this.text,
      this.tokens,
      this.#ends,
      this.quoted,
      this.quoteOf,
    ));
  }

  /** For each token, the index of its plain sentence. */
  get plainSentenceOf(): Int32Array {
    if (!this.#plainOf) {
      const of = new Int32Array(this.tokens.length);
      this.plainSentences.forEach((s, i) => of.fill(i, s.first, s.last));
      this.#plainOf = of;
    }
    return this.#plainOf;
  }

  /** A part-of-speech tag for every token. */
  get tags(): readonly Pos[] {
    if (!this.#tags) {
      const tags = new Array<Pos>(this.tokens.length);
      for (const s of this.sentences) tagSentence(this.tokens, s, tags);
      this.#tags = tags;
    }
    return this.#tags;
  }

  /** Noun chunks of each sentence (of `sentences`). */
  get chunks(): readonly Chunk[][] {
    if (!this.#chunks) this.#chunks = this.sentences.map((s) => chunkSentence(this.tokens, s, this.tags));
    return this.#chunks;
  }

  /** Every clause of the article, sentence by sentence. */
  get clauses(): readonly Clause[] {
    if (!this.#clauses) {
      const out: Clause[] = [];
      this.sentences.forEach((s, i) => {
        out.push(...sentenceClauses(this.tokens, s, i, this.tags, this.chunks[i]!, out.length));
      });
      this.#clauses = out;
    }
    return this.#clauses;
  }

  /**
   * Clauses of plain sentence `i` alone, tagged and chunked on first use of that sentence: for a reader
   * of plain sentences that needs the clauses of a few of them (events). Their `sentence` is `i`, and
   * `parent` and `reportedBy` index the returned list.
   */
  plainClauses(i: number): readonly Clause[] {
    let hit = this.#plainClauses.get(i);
    if (!hit) {
      const s = this.plainSentences[i];
      if (!s) return [];
      const tags = (this.#plainTags ??= new Array<Pos>(this.tokens.length));
      tagSentence(this.tokens, s, tags);
      hit = sentenceClauses(this.tokens, s, i, tags, chunkSentence(this.tokens, s, tags), 0);
      this.#plainClauses.set(i, hit);
    }
    return hit;
  }

  /** The text of tokens [first, last). */
  slice(first: number, last: number): string {
    if (last <= first) return '';
    return this.text.slice(this.tokens[first]!.start, this.tokens[last - 1]!.end);
  }
}

/** Reads a text once: the layer every stage of understand shares. */
export function readText(text: string): TextDoc {
  return new TextDoc(text);
}

/** The layer read from `text`: `doc` when it was read from that very text, else a new reading. */
export function textDocFor(text: string, doc: TextDoc | undefined, stage: string): TextDoc {
  if (!doc) return new TextDoc(text);
  if (doc.text !== text)
    throw new SitrepError('invalid_input', `${stage}: the text layer given was read from another text`, {
      input: stage,
    });
  return doc;
}
