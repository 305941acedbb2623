// One text being read: its tokens, sentences, the date roles are looked up on, the knowledge base.
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import type { Token } from '../text/index.ts';

export interface Doc {
  kb: KnowledgeBase;
  text: string;
  tokens: Token[];
  sentences: [number, number][];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  day: string | null;
}

export function isSentenceStart(doc: Doc, i: number): boolean {
  const s = doc.sentences[doc.sentenceOf[i]!]!;
  let first = s[0];
  while (first < i && /^["“‘'([]$/.test(doc.tokens[first]!.text)) first++;
  return first === i;
}
