// A traced document's comparable form as bytes, so a store keeps it beside the trace record and
// tracing against the store reads fingerprints back instead of re-reading and re-hashing texts.
// Layout (little-endian): u32 header length, header JSON (UTF-8), zero padding to 4 bytes, then the
// shingles, paragraph shingles, paragraph ends and word hashes as u32 runs (lengths in the header).
import type { TraceDoc } from './types.ts';

const VERSION = 1;

/** What a TraceDoc holds besides its decision and place in one Tracer. */
export type FrozenDoc = Pick<
  TraceDoc,
  'siteName' | 'host' | 'url' | 'time' | 'title' | 'fp' | 'credits' | 'attributed' | 'updateMark'
>;

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
  /** Lengths of the u32 runs: shingles, paragraphs, paragraph ends, word hashes. */
  n: [number, number, number, number];
}

export function freezeDoc(doc: TraceDoc): Uint8Array {
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
    n: [fp.shingles.length, fp.paragraphs.length, fp.paragraphEnds.length, fp.wordHashes.length],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(4 + json.length);
  const runs = [fp.shingles, fp.paragraphs, fp.paragraphEnds, fp.wordHashes];
  const bytes = new Uint8Array(start + 4 * runs.reduce((n, r) => n + r.length, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  bytes.set(json, 4);
  let at = start;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++, at += 4) view.setUint32(at, run[i]!, true);
  }
  return bytes;
}

/** The frozen form back; null when the bytes are not one (damaged, or from a newer sitrep). */
export function thawDoc(bytes: Uint8Array): FrozenDoc | null {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = view.getUint32(0, true);
    const header = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset + 4, length).toString('utf8'),
    ) as Header;
    if (header.v !== VERSION) return null;
    let at = align(4 + length);
    const runs = header.n.map((n) => {
      const run = new Uint32Array(n);
      for (let i = 0; i < n; i++, at += 4) run[i] = view.getUint32(at, true);
      return run;
    });
    if (at !== bytes.byteLength) return null;
    return {
      siteName: header.site,
      host: header.host,
      url: header.url,
      time: header.time ?? NaN,
      title: header.title,
      fp: {
        shingles: runs[0]!,
        paragraphs: runs[1]!,
        paragraphEnds: runs[2]!,
        wordHashes: runs[3]!,
        words: header.words,
        links: new Set(header.links),
      },
      credits: header.credits,
      attributed: header.attributed,
      updateMark: header.updateMark,
    };
  } catch {
    return null;
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}
