// npm run search:quality [-- --misses] [--json]: search quality over the development corpus of real retros
// (src/server/imports/corpus): imports every document into a fresh database (a new database on the
// server Postgres with DATABASE_URL, else an embedded PGlite folder, dropped afterwards), runs every
// query of corpus/queries/*.json and prints one JSON line: hit@3 and MRR overall and per kind, the
// results without a snippet; --misses adds the queries whose postmortem is not in the first three.
// The same measurement as src/server/imports/corpus/corpus-search.integration.test.ts.
import { parseArgs } from 'node:util'
import { createTestDatabase } from './lib/test-database'

const { values } = parseArgs({
  options: { misses: { type: 'boolean', default: false }, json: { type: 'boolean' } },
})

async function main() {
  const database = await createTestDatabase('hindsight_search_quality')
  Object.assign(process.env, database.env)
  if (database.target.kind === 'postgres') delete process.env.HINDSIGHT_DATA_DIR
  else delete process.env.DATABASE_URL
  const { db } = await import('../src/server/db')
  const quality = await import('../src/server/imports/corpus/corpus-search')
  try {
    const actor = await quality.createQualityActor()
    const corpus = await quality.importCorpus(actor)
    const { misses, ...report } = await quality.measureCorpusSearch(actor, corpus)
    console.log(
      JSON.stringify({ database: database.target.kind, ...report, ...(values.misses ? { misses } : {}) }),
    )
  } finally {
    await db.$disconnect()
    await database.drop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
