// What tracing reads and what it decides for each document.
import type { Fingerprint } from './fingerprint.ts';

export const RELATIONS = ['identical', 'excerpt', 'rewrite', 'update'] as const;
export type Relation = (typeof RELATIONS)[number];

/** One document as tracing sees it: clean article text plus what extract found about its source. */
export interface TraceInput {
  id: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** The publishing site's name ("Reuters"), when known. */
  site?: string | null;
  /** ISO 8601; missing or skewed times happen. */
  published?: string | null;
  /** The "via" line extract found, if any. */
  via?: { name: string; url: string | null } | null;
  /** News organisations the text cites as its sources (extract's citedSources). */
  citedSources?: string[];
}

/** The decision for one document. Roots have parent null, relation null, origin = own id. */
export interface TraceResult {
  id: string;
  parent: string | null;
  origin: string;
  relation: Relation | null;
  /** Id of the story (group of independent reports of one event); the id of its first origin. */
  story: string;
  /** Fraction of this document's text found in its parent (0 for roots). */
  shared: number;
}

/** A traced document held by the index. */
export interface TraceDoc {
  key: number;
  id: string;
  /** Arrival order. */
  order: number;
  /** " site name " (lower-cased words), or '' when unknown. */
  siteName: string;
  /** The site name's word hashes, to find it named in another text. */
  siteWords: Uint32Array;
  host: string | null;
  url: string | null;
  /** Milliseconds since the epoch, NaN when missing or unreadable. */
  time: number;
  title: string;
  /**
   * What comparisons read of the text; a document leaving the window keeps `size` and `words` but
   * gives this up.
   */
  fp: Fingerprint;
  /**
   * 16 bits of each of its shingles (`shingleTag`), while in the window: the sorted shingles are
   * not kept (they are hashed again from `fp.wordHashes` when a count must be exact).
   */
  tags: Uint16Array;
  /** Unique shingles in the text. */
  size: number;
  /** Words in the text. */
  words: number;
  /** Names ("flat" form) the document credits: via line and cited sources. */
  credits: string[];
  /** The document credits a source (a via line, a cited agency), whether or not it is traced. */
  attributed: boolean;
  /** The title or text marks this as a later version ("UPDATE 1-", "(Updates ...)"). */
  updateMark: boolean;
  links: Link[];
  parent: TraceDoc | null;
  relation: Relation | null;
  shared: number;
}

/** Two documents that share enough text to be one copy family. */
export interface Link {
  other: TraceDoc;
  /** Shingles in common. */
  common: number;
  /** Paragraphs of the document holding this link that are (mostly) found in `other`. */
  paragraphs: number;
}
