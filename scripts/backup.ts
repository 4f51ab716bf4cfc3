// npm run db:backup -- <file>
// Writes the whole database (embedded or DATABASE_URL) to one gzipped JSON-lines file that
// `npm run db:restore` loads into either kind of database.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { recordOperatorEvent } from '../src/server/audit/record-operator-event'
import { backupDatabase } from '../src/server/backup/backup-database'
import { DatabaseInUse } from '../src/server/db/embedded-in-use'
import { databaseTarget } from '../src/server/env'

const { positionals } = parseArgs({ allowPositionals: true, options: {} })

async function main(): Promise<number> {
  const [file] = positionals
  if (!file || positionals.length > 1) {
    console.error('Usage: npm run db:backup -- <file>   (e.g. hindsight-2026-11-25.jsonl.gz)')
    return 2
  }
  const target = databaseTarget()
  const started = Date.now()
  const summary = await backupDatabase(target, path.resolve(file))
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0)
  const where =
    target.kind === 'postgres'
      ? 'the server Postgres (DATABASE_URL)'
      : `the embedded database in ${target.dataDir}`
  console.log(
    `Backed up ${total} rows of ${Object.keys(summary.rows).length} tables from ${where} at migration ${summary.migration}`,
  )
  await recordOperatorEvent(target, {
    action: 'backup-created',
    detail: `${path.resolve(file)} (${total} rows)`,
  })
  console.log(
    `→ ${file} (${(summary.bytes / 1024).toFixed(1)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(error instanceof DatabaseInUse ? 5 : 1)
  },
)
