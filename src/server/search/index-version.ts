/**
 * Which build of the search documents the code makes. Whoever changes what they hold (the
 * search columns, tokenize.ts, searchParts in index-postmortem.ts) bumps it in the same commit:
 * `npm start` then rebuilds every postmortem's documents once (postmortems/reindex-search.ts).
 * No server-only import: `npm start` reads it before the app runs.
 */
export const SEARCH_INDEX_VERSION = 2
