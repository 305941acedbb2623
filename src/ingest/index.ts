// Ingest: getting pages and feeds into sitrep.
export { loadInput, expandInputs, isUrl, formatBytes, DEFAULT_MAX_BYTES } from './load-input.ts';
export type { LoadOptions } from './load-input.ts';
export { fetchPage, isPrivateAddress, USER_AGENT } from './fetch-page.ts';
export type { FetchOptions } from './fetch-page.ts';
