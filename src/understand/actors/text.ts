// The actors' word forms come from the one text layer (src/understand/text); this module only names them here.
export { normalizeKey, tokenize, withPlurals, type Token } from '../text/index.ts';
