// A traced document's comparable form as bytes, so a store keeps it beside the trace record and
// tracing against the store reads fingerprints back instead of re-reading and re-hashing texts.
// Layout (little-endian): u32 header length, header JSON (UTF-8), zero padding to 4 bytes, then u32
// runs (lengths in the header): version 3 the paragraph spans and word hashes (the shingles are
// hashed again from the words when thawed: half the bytes written per traced document); versions 2
// (the shingles, paragraph spans and word hashes) and 1 (the shingles, paragraph shingles, paragraph
// ends and word hashes) are still read.
import { NO_LINKS, shinglesOfWords, type Fingerprint } from './fingerprint.ts';
import type { TraceDoc } from './types.ts';

const VERSION = 3;
/** Runs per version (index: the version). */
const RUNS = [0, 4, 3, 2];
/** The runs are little-endian: on such a machine (nearly all) they are copied whole. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * What a TraceDoc holds besides its decision and place in one Tracer; for an origin, also the names
 * of its headline and lead (src/trace/stories.ts), so later origins find its story.
 */
export type FrozenDoc = Pick<
  TraceDoc,
  'siteName' | 'host' | 'url' | 'time' | 'title' | 'fp' | 'credits' | 'attributed' | 'updateMark'
> & { leadNames?: string[] };

interface Header {
  v: number;
  site: string;
  host: string | null;
  url: string | null;
  time: number | null;
  title: string;
  words: number;
  links: string[];
  credits: string[];
  attributed: boolean;
  updateMark: boolean;
  /** An origin's headline and lead names (absent for a copy, and before they were kept). */
  names?: string[];
  /** Lengths of the u32 runs (see the layout above). */
  n: number[];
}

export function freezeDoc(doc: FrozenDoc): Uint8Array {
  const { fp } = doc;
  const header: Header = {
    v: VERSION,
    site: doc.siteName,
    host: doc.host,
    url: doc.url,
    time: Number.isFinite(doc.time) ? doc.time : null,
    title: doc.title,
    words: fp.words,
    links: [...fp.links],
    credits: doc.credits,
    attributed: doc.attributed,
    updateMark: doc.updateMark,
    ...(doc.leadNames ? { names: doc.leadNames } : {}),
    n: [fp.paragraphSpans.length, fp.wordHashes.length],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(4 + json.length);
  const runs = [fp.paragraphSpans, fp.wordHashes];
  const bytes = new Uint8Array(start + 4 * runs.reduce((n, r) => n + r.length, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  bytes.set(json, 4);
  let at = start;
  for (const run of runs) {
    if (LITTLE_ENDIAN) new Uint32Array(bytes.buffer, at, run.length).set(run);
    else for (let i = 0; i < run.length; i++) view.setUint32(at + 4 * i, run[i]!, true);
    at += 4 * run.length;
  }
  return bytes;
}

/**
 * The JSON header of a frozen document, with its length and a view of the bytes; null when it is not
 * one of a version this sitrep reads (throws on bytes too short or not JSON: callers catch).
 */
function readHeader(bytes: Uint8Array): { view: DataView; length: number; header: Header } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true);
  const header = JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset + 4, length).toString('utf8'),
  ) as Header;
  if (!(header.v >= 1 && header.v <= VERSION) || header.n.length !== RUNS[header.v]) return null;
  return { view, length, header };
}

/** The frozen form back; null when the bytes are not one (damaged, or from a newer sitrep). */
export function thawDoc(bytes: Uint8Array): FrozenDoc | null {
  try {
    const read = readHeader(bytes);
    if (!read) return null;
    const { view, length, header } = read;
    let at = align(4 + length);
    const runs = header.n.map((n) => {
      const run = new Uint32Array(n);
      if (at + 4 * n > bytes.byteLength) throw new RangeError('run past the end');
      // a byte copy on a little-endian machine (the stored bytes need not be 4-aligned in memory)
      if (LITTLE_ENDIAN) new Uint8Array(run.buffer).set(bytes.subarray(at, at + 4 * n));
      else for (let i = 0; i < n; i++) run[i] = view.getUint32(at + 4 * i, true);
      at += 4 * n;
      return run;
    });
    if (at !== bytes.byteLength) return null;
    return {
      siteName: header.site,
      host: header.host,
      url: header.url,
      time: header.time ?? NaN,
      title: header.title,
      fp: header.v === 1 ? versionOne(runs, header) : fingerprintOf(runs, header),
      credits: header.credits,
      attributed: header.attributed,
      updateMark: header.updateMark,
      ...(header.names ? { leadNames: header.names } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * What a store's warm index keeps of a document beyond its window (see `ReachIndex`): its word hashes
 * (the last run in every version), and an origin's headline and lead names with its time; without
 * thawing the rest. Null when the bytes are not a frozen document.
 */
export function thawWords(
  bytes: Uint8Array,
): { wordHashes: Uint32Array; leadNames?: string[]; time: number } | null {
  try {
    const read = readHeader(bytes);
    if (!read) return null;
    const { view, length, header } = read;
    const n = header.n.at(-1)!;
    const at = bytes.byteLength - 4 * n;
    if (at < align(4 + length)) return null;
    const wordHashes = new Uint32Array(n);
    if (LITTLE_ENDIAN) new Uint8Array(wordHashes.buffer).set(bytes.subarray(at));
    else for (let i = 0; i < n; i++) wordHashes[i] = view.getUint32(at + 4 * i, true);
    return {
      wordHashes,
      time: header.time ?? NaN,
      ...(header.names ? { leadNames: header.names } : {}),
    };
  } catch {
    return null;
  }
}

/** Versions 2 and 3: version 2 also kept the sorted shingles, which version 3 hashes from the words. */
function fingerprintOf(runs: Uint32Array[], header: Header): Fingerprint {
  const [shingles, spans, words] = header.v === 2 ? runs : [null, ...runs];
  return {
    shingles: shingles ?? shinglesOfWords(words!),
    paragraphSpans: spans!,
    wordHashes: words!,
    words: header.words,
    links: header.links.length ? new Set(header.links) : NO_LINKS,
  };
}

/** Version 1 kept each paragraph's shingles instead of its word range. */
function versionOne(runs: Uint32Array[], header: Header): Fingerprint {
  return {
    shingles: runs[0]!,
    paragraphSpans: new Uint32Array(0),
    storedParagraphs: { shingles: runs[1]!, ends: runs[2]! },
    wordHashes: runs[3]!,
    words: header.words,
    links: header.links.length ? new Set(header.links) : NO_LINKS,
  };
}

function align(n: number): number {
  return (n + 3) & ~3;
}
