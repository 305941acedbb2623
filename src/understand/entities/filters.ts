// No false entities: days and months, boilerplate words, and capitalised common words that only
// start a sentence ("Failure to reach a deal", "Multiple of the world's largest economies").
import type { Doc } from './doc.ts';
import { isSentenceStart } from './doc.ts';
import type { Span } from './spans.ts';
import { isCommonWord } from './tagger/tag.ts';

const NEVER = new Set(
  'the a an this that these those it its he she they we i you his her their our of and or but in on at for to by with from as '
    .split(' ')
    .concat(
      'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december today yesterday tomorrow required reply leave comment comments share advertisement subscribe login password email name website'.split(
        ' ',
      ),
    ),
);

export function dropFalseEntities(doc: Doc, spans: Span[]): Span[] {
  // Read from the whole text only when a one-word span at a sentence start asks.
  let lowerInText: Set<string> | null = null;
  return spans.filter((span) => {
    const words = doc.tokens.slice(span.from, span.to);
    if (words.every((t) => NEVER.has(t.key))) return false;
    if (span.origin === 'tagger' && insideTitle(doc, span)) return false;
    const title = doc.kb.titleIndex.matchAt(doc.tokens, span.from);
    if (!span.actor && title && title.to === span.to) return false; // "Gen." alone is a title
    if (span.to - span.from > 1 || !isSentenceStart(doc, span.from)) return true;
    // A sentence-initial capital on a common word ("Failure", "Shell casings") is no name, unless it is
    // a known person or a country.
    if (span.actor && (span.actor.type === 'PERSON' || span.actor.type === 'GPE')) return true;
    const word = words[0]!.key;
    return !(isCommonWord(word) || (lowerInText ??= lowerCaseWords(doc)).has(word));
  });
}

const LOWER_START = /^\p{Ll}/u;

function lowerCaseWords(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const t of doc.tokens) {
    // ASCII is decided by its code: a-z are lower-case letters, nothing else there is.
    const c = t.text.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 128 && LOWER_START.test(t.text))) out.add(t.key);
  }
  return out;
}

/** "Minister of National Defense" is a title, not an organisation called "National". */
function insideTitle(doc: Doc, span: Span): boolean {
  for (let k = Math.max(0, span.from - 4); k <= span.from; k++) {
    const hit = doc.kb.titleIndex.matchAt(doc.tokens, k);
    if (hit && hit.from <= span.from && span.to <= hit.to && hit.to - hit.from > span.to - span.from)
      return true;
  }
  return false;
}
