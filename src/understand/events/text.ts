// Events read the one text layer (src/understand/text): its tokens, their stems, plain sentences.
export { stem, type Token } from '../text/index.ts';

export interface Span {
  start: number;
  end: number;
}
