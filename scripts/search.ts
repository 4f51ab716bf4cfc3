// npm run search -- "<query>" [--json] [--limit N]   (searches as the first admin: everything)
import { parseArgs } from 'node:util'
import { db } from '../src/server/db'
import { searchPostmortems } from '../src/server/postmortems/search-postmortems'
import { searchInput } from '../src/server/postmortems/schemas'
import { findCommandLineActor } from '../src/server/users/command-line-actor'
import { prepareDatabase } from './lib/prepare-database'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, limit: { type: 'string', default: '10' } },
})

async function main(): Promise<number> {
  const q = positionals.join(' ').trim()
  if (!q) {
    console.error('Usage: npm run search -- "<query>" [--json] [--limit N]')
    return 2
  }
  await prepareDatabase()
  const found = await findCommandLineActor()
  if (!found.ok) throw new Error(found.error.message)
  const actor = found.data
  const response = await searchPostmortems({ actor, input: searchInput.parse({ q, limit: values.limit }) })
  const results = response.results.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    score: r.score,
    snippets: r.snippets.map((s) => ({
      field: s.status ? `${s.field}:${s.status.toLowerCase()}` : s.field,
      text: s.text,
    })),
  }))
  if (values.json)
    console.log(
      JSON.stringify(
        { query: response.query, total: response.total, tookMs: response.tookMs, results },
        null,
        2,
      ),
    )
  else {
    console.log(
      `${response.total}${response.capped ? '+' : ''} result(s) for “${q}” in ${response.tookMs} ms`,
    )
    for (const r of results) {
      console.log(`\nPM-${r.number}  ${r.title}  (${r.score})`)
      for (const s of r.snippets) console.log(`  ${s.field}: ${s.text}`)
    }
  }
  return 0
}

main()
  .then(async (code) => {
    await db.$disconnect()
    process.exit(code)
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
