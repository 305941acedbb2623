// Exports: stored events, quotes and documents as JSON lines, CSV or GDELT 2.0 event rows.
export * from './formats.ts';
export { GDELT_COLUMNS, gdeltLine, gdeltRow } from './gdelt.ts';
