// Pairwise decisions between two documents that share text: which one was taken from the other,
// how close they are, and how the copy was made. Evidence in order of weight: attribution (the
// copy names its source's site, links its URL, or credits it), containment (an excerpt sits inside
// its source), site identity (a later version by the same site adds to it), then time, then arrival.
import { containsRun } from './fingerprint.ts';
import type { Link, Relation, TraceDoc } from './types.ts';

/**
 * A source must account for most of a copy, or for several of its paragraphs: one shared paragraph
 * in a longer text is a quoted statement or a template, not a copy.
 */
export function isCopyLink(doc: TraceDoc, link: Link): boolean {
  const inCopy = link.common / Math.max(1, doc.size);
  if (inCopy >= 0.6) return true;
  if (inCopy >= 0.2 && (sameSite(doc, link.other) || credits(doc, link.other))) return true;
  return inCopy >= 0.35 && link.paragraphs >= 2;
}

/** Positive when `source` is the earlier document `copy` was made from; antisymmetric. */
export function directionScore(source: TraceDoc, copy: TraceDoc, common: number): number {
  let score = 0;
  score += 4 * (credits(copy, source) - credits(source, copy));
  // of two copies of an untraced source, the one still carrying the attribution is nearer to it
  score += Number(source.attributed) - Number(copy.attributed);
  const inCopy = common / Math.max(1, copy.size);
  const inSource = common / Math.max(1, source.size);
  if (sameSite(source, copy)) {
    score += 2 * (Number(copy.updateMark) - Number(source.updateMark));
    score += Math.sign(copy.words - source.words);
  } else if (Math.abs(inCopy - inSource) > 0.25) {
    // the smaller text lies inside the larger: an excerpt of it
    score += 2 * Math.sign(inCopy - inSource);
  }
  if (Number.isFinite(source.time) && Number.isFinite(copy.time) && source.time !== copy.time) {
    score += 1.5 * Math.sign(copy.time - source.time);
  }
  score += 0.5 * Math.sign(copy.order - source.order);
  return score;
}

/** 1 when `doc` names, links or credits `other` as a source. */
export function credits(doc: TraceDoc, other: TraceDoc): number {
  if (other.siteName && other.siteName !== doc.siteName && containsRun(doc.fp.wordHashes, other.siteWords))
    return 1;
  if (other.url && doc.fp.links.has(other.url)) return 1;
  if (other.host && other.host !== doc.host && doc.fp.links.has(other.host)) return 1;
  if (other.siteName && doc.credits.includes(other.siteName)) return 1;
  return 0;
}

export function sameSite(a: TraceDoc, b: TraceDoc): boolean {
  if (a.host && b.host) return a.host === b.host;
  return Boolean(a.siteName) && a.siteName === b.siteName;
}

/** How much of `copy` is explained by `source`: the share of the copy found in it, then overall likeness. */
export function textCloseness(source: TraceDoc, copy: TraceDoc, common: number): number {
  const inCopy = common / Math.max(1, copy.size);
  const jaccard = common / Math.max(1, copy.size + source.size - common);
  return inCopy + 0.5 * jaccard;
}

/**
 * Same site: a later version. Otherwise a new headline marks a rewrite; under the same headline, a
 * copy holding all of its source is identical (give or take an attribution line), one holding a
 * part of it is an excerpt.
 */
export function relationOf(source: TraceDoc, copy: TraceDoc, common: number): Relation {
  if (sameSite(source, copy)) return 'update';
  const inCopy = common / Math.max(1, copy.size);
  const inSource = common / Math.max(1, source.size);
  if (source.title !== copy.title) return 'rewrite';
  if (inSource >= 0.9) return 'identical';
  return inCopy >= 0.5 ? 'excerpt' : 'rewrite';
}

/** The earlier of two documents: direction evidence first, arrival order on a tie. */
export function isSourceOf(source: TraceDoc, copy: TraceDoc, common: number): boolean {
  const score = directionScore(source, copy, common);
  return score > 0 || (score === 0 && source.order < copy.order);
}

/**
 * The closest source among a document's links, or null when every linked document came after it.
 * Sources the document credits (by name, link, or being its own site's earlier version) come first,
 * except a credit the document merely inherited: one that another credited source carries too, as a
 * repost of a rewrite keeps the rewrite's "according to" line. Among equals, the closest text wins.
 */
export function chooseParent(doc: TraceDoc): Link | null {
  const sources = doc.links.filter(
    (link) => isCopyLink(doc, link) && isSourceOf(link.other, doc, link.common),
  );
  const credited = sources.filter((l) => sameSite(l.other, doc) || credits(doc, l.other));
  const own = credited.filter(
    (l) => !credited.some((m) => m !== l && !sameSite(m.other, l.other) && credits(m.other, l.other)),
  );
  const pool = own.length ? own : credited.length ? credited : sources;
  let best: Link | null = null;
  let bestScore = -Infinity;
  for (const link of pool) {
    const score = textCloseness(link.other, doc, link.common);
    if (score > bestScore) {
      best = link;
      bestScore = score;
    }
  }
  return best;
}
