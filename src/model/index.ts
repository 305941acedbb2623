export * from './reading.ts';
export * from './errors.ts';
