// Polling: feeds due → new items handed to the caller.
export { pollFeed } from './poll-feed.ts';
export type { OnItem, PollDeps, PollOutcome } from './poll-feed.ts';
export { pollDue } from './poll-due.ts';
export type { PollRunOptions, PollSummary } from './poll-due.ts';
export { hasCompleteContent, pageFromContent, itemPage } from './item-page.ts';
