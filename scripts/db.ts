// npm run db:migrate | db:migration -- --name <name> | db:status
import { parseArgs } from 'node:util'
import { createMigration, migrate, migrationStatus } from '../src/server/db/migrations'
import { databaseTarget } from '../src/server/env'

const [command, ...rest] = process.argv.slice(2)
const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } })
const target = databaseTarget()
const where =
  target.kind === 'postgres' ? 'server Postgres (DATABASE_URL)' : `embedded database in ${target.dataDir}`

async function main(): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrate(target)
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to the ${where}:\n  ${applied.join('\n  ')}`
          : `The ${where} is up to date.`,
      )
      return 0
    }
    case 'migration': {
      const created = await createMigration(values.name ?? '')
      if (!created) {
        console.log('The schema has no changes: no migration created.')
        return 0
      }
      console.log(`Created ${created.dir}/migration.sql\nApply it with: npm run db:migrate`)
      return 0
    }
    case 'status': {
      const status = await migrationStatus(target)
      console.log(`Database: ${where}`)
      console.log(`Migrations in prisma/migrations: ${status.migrations.length}`)
      console.log(status.pending.length ? `Pending:\n  ${status.pending.join('\n  ')}` : 'Pending: none')
      for (const [label, names] of [
        ['Failed', status.failed],
        ['Edited after being applied', status.edited],
        ['Applied but not in this folder', status.unknown],
      ] as const)
        if (names.length) console.log(`${label}:\n  ${names.join('\n  ')}`)
      return status.failed.length || status.edited.length ? 1 : 0
    }
    default:
      console.error('Usage: tsx scripts/db.ts migrate | migration --name <name> | status')
      return 2
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
