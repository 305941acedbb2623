// Stories: independent reports of one event. Copy families are joined when their origins name the
// same actors (capitalised names in the headline and lead) close in time. Cheap by design: an
// inverted index from name to recent origins, and a union-find over documents.
import type { TraceDoc } from './types.ts';

/** Names two origins must share to be one story. */
const MIN_SHARED_NAMES = 3;
/** Share of the smaller name set that must be shared. */
const MIN_NAME_OVERLAP = 0.4;
/** Reports further apart than this are different events. */
const WINDOW_MS = 2 * 24 * 3600e3;
/** Origins kept per name (the most recent); a name in more is too common to tell events apart. */
const NAME_CAP = 32;
const LEAD_CHARS = 600;
const NAME = /\b\p{Lu}[\p{L}'’.-]*\p{L}/gu;

export class Stories {
  private readonly up: number[] = [];
  private readonly byName = new Map<string, TraceDoc[]>();
  /** Per origin, how many names its headline and lead hold. */
  private readonly nameCounts: number[] = [];
  /** Per document key, names shared with the origin being added (reset after each). */
  private shared = new Int32Array(1024);

  /** Registers a document (in arrival order); copies join their source's story instead. */
  register(doc: TraceDoc): void {
    this.up[doc.key] = doc.key;
    this.nameCounts[doc.key] = 0;
  }

  /** Joins an origin to the story of any earlier origin naming the same actors close in time. */
  addOrigin(doc: TraceDoc, title: string, text: string): void {
    const names = leadNames(title, text);
    this.nameCounts[doc.key] = names.size;
    if (this.shared.length <= doc.key) {
      const bigger = new Int32Array(Math.max(1024, doc.key * 2));
      bigger.set(this.shared);
      this.shared = bigger;
    }
    const { shared } = this;
    const others: TraceDoc[] = [];
    for (const name of names) {
      for (const other of this.byName.get(name) ?? []) if (shared[other.key]!++ === 0) others.push(other);
    }
    for (const other of others) {
      const count = shared[other.key]!;
      shared[other.key] = 0;
      if (storyMatches(count, names.size, this.nameCounts[other.key]!, doc.time, other.time)) {
        this.union(doc.key, other.key);
      }
    }
    for (const name of names) {
      const list = this.byName.get(name);
      if (!list) this.byName.set(name, [doc]);
      else {
        list.push(doc);
        if (list.length > NAME_CAP) list.shift();
      }
    }
  }

  /** Forgets the names of origins before `key` (they left the tracer's window). */
  forgetBefore(key: number): void {
    for (const [name, list] of this.byName) {
      let keep = 0;
      while (keep < list.length && list[keep]!.key < key) keep++;
      if (keep === list.length) this.byName.delete(name);
      else if (keep) list.splice(0, keep);
    }
  }

  /** A copy belongs to its source's story. */
  join(a: TraceDoc, b: TraceDoc): void {
    this.union(a.key, b.key);
  }

  /** The story's key (its earliest document) of the document with this key. */
  storyOf(key: number): number {
    return this.find(key);
  }

  private find(key: number): number {
    let k = key;
    while (this.up[k] !== k) {
      this.up[k] = this.up[this.up[k]!]!;
      k = this.up[k]!;
    }
    return k;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.up[rb] = ra;
    else this.up[ra] = rb;
  }
}

/** Capitalised words of the headline and lead, minus the first word of each sentence. */
export function leadNames(title: string, text: string): Set<string> {
  const names = new Set<string>();
  for (const part of [title, text.slice(0, LEAD_CHARS)]) {
    for (const m of part.matchAll(NAME)) {
      const before = part.slice(Math.max(0, m.index - 2), m.index);
      if (m.index === 0 || /[.!?:\n]\s*$/.test(before)) continue;
      if (m[0].length >= 3) names.add(m[0].toLowerCase());
    }
  }
  return names;
}

/**
 * Two origins are one story when their headlines and leads share enough names (`shared` of `a` and
 * `b` names) and they were published close in time (either time NaN when unknown).
 */
export function storyMatches(shared: number, a: number, b: number, timeA: number, timeB: number): boolean {
  if (shared < MIN_SHARED_NAMES || shared < MIN_NAME_OVERLAP * Math.min(a, b)) return false;
  if (Number.isFinite(timeA) && Number.isFinite(timeB)) return Math.abs(timeA - timeB) <= WINDOW_MS;
  return true;
}
