// Events read the one text layer (src/understand/text): its tokens, their stems, plain sentences.
export { beForms, finiteAuxiliaries, reportingVerbs, stem, type Token } from '../text/index.ts';

export interface Span {
  start: number;
  end: number;
}
