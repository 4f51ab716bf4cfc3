// npm run search:reindex [-- --if-stale]: rebuilds every postmortem's search documents and the
// typo-correction vocabulary. `npm start` runs it with --if-stale after migrating, so it only
// works when the code's SEARCH_INDEX_VERSION (src/server/search/index-version.ts) differs from the
// database's.
import { parseArgs } from 'node:util'
import { db } from '../src/server/db'
import { reindexSearch, reindexSearchIfStale } from '../src/server/postmortems/reindex-search'
import { prepareDatabase } from './lib/prepare-database'

async function main() {
  const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean' } } })
  // Started by `npm start` right after it migrated; by hand, the embedded database may be new.
  if (!values['if-stale']) await prepareDatabase()
  const started = performance.now()
  const progress = (done: number) => process.stderr.write(`\rReindexed ${done} postmortem(s)`)
  const done = values['if-stale'] ? await reindexSearchIfStale(progress) : await reindexSearch(progress)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.error(
    done === null ? 'Search index is up to date.' : `\rReindexed ${done} postmortem(s) in ${seconds} s`,
  )
}

// Exits explicitly: `npm start` waits for this process, and an embedded database's client can
// keep the event loop alive after disconnecting.
main()
  .then(async () => {
    await db.$disconnect()
    process.exit(0)
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await db.$disconnect().catch(() => {})
    process.exit(1)
  })
