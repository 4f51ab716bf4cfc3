// npm run gate -- <launch slug, id or name> [--json]
// Exit 0: ready; 1: not ready; 2: cannot tell. HINDSIGHT_URL + HINDSIGHT_TOKEN ask a running
// app's readiness API (deploy pipelines); without them the local database is read.
import { parseArgs } from 'node:util'
import { runGate } from './lib/gate'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } })

async function main(): Promise<number> {
  const launch = positionals.join(' ').trim() // an unquoted name with spaces too
  if (!launch) {
    console.error('Usage: npm run gate -- <launch slug, id or name> [--json]')
    return 2
  }
  const url = process.env.HINDSIGHT_URL || undefined
  if (!url) await (await import('./lib/prepare-database')).prepareDatabase()
  const { exitCode, output } = await runGate({
    launch,
    json: !!values.json,
    url,
    token: process.env.HINDSIGHT_TOKEN || undefined,
  })
  ;(exitCode === 2 ? console.error : console.log)(output)
  return exitCode
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  })
