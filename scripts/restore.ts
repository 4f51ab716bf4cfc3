// npm run db:restore -- <file> [--force]
// Loads a backup of `npm run db:backup` into the database (embedded or DATABASE_URL).
// Exit codes: 0 restored, 1 failed (nothing changed), 2 usage, 3 the database is not empty
// (use --force to replace it), 4 the backup cannot be restored by this version, 5 the embedded
// database is open in a running Hindsight (stop it first).
import path from 'node:path'
import { parseArgs } from 'node:util'
import { recordOperatorEvent } from '../src/server/audit/record-operator-event'
import { BackupFileError } from '../src/server/backup/read-backup'
import { restoreDatabase, RestoreRefused } from '../src/server/backup/restore-database'
import { DatabaseInUse } from '../src/server/db/embedded-in-use'
import { databaseTarget } from '../src/server/env'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
})

async function main(): Promise<number> {
  const [file] = positionals
  if (!file || positionals.length > 1) {
    console.error('Usage: npm run db:restore -- <file> [--force]')
    return 2
  }
  const target = databaseTarget()
  const where =
    target.kind === 'postgres'
      ? 'the server Postgres (DATABASE_URL)'
      : `the embedded database in ${target.dataDir}`
  const started = Date.now()
  try {
    const summary = await restoreDatabase(target, path.resolve(file), { force: values.force })
    const total = Object.values(summary.rows).reduce((a, b) => a + b, 0)
    console.log(
      `Restored ${total} rows of ${Object.keys(summary.rows).length} tables into ${where} (backup at migration ${summary.backupMigration}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    )
    if (summary.migratedAfter.length) console.log(`Then applied: ${summary.migratedAfter.join(', ')}`)
    await recordOperatorEvent(target, {
      action: 'backup-restored',
      detail: `${path.resolve(file)} (${total} rows${values.force ? ', replacing everything' : ''})`,
    })
    return 0
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`Refused: ${error.message}`)
      return error.reason === 'NOT_EMPTY' ? 3 : 4
    }
    if (error instanceof BackupFileError) {
      console.error(error.message)
      return 4
    }
    throw error
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(error instanceof DatabaseInUse ? 5 : 1)
  },
)
