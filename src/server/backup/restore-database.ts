import 'server-only'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { DatabaseTarget } from '../db/adapter'
import { migrate, migrationsDir, readMigrations } from '../db/migrations'
import { backupEnd, backupRow, type BackupHeader } from './backup-format'
import { BackupFileError, backupLines, parseHeader } from './read-backup'
import {
  applicationTables,
  appliedMigrations,
  quoteIdent,
  rowCounts,
  SEEDED_TABLES,
  type TableInfo,
} from './schema-tables'
import { withConnection, type SqlConnection } from './sql-connection'

const INSERT_BATCH = 500

/** Why a restore did not start; nothing was changed. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'NOT_EMPTY' | 'NEWER_SCHEMA',
    message: string,
  ) {
    super(message)
  }
}

export type RestoreSummary = {
  backupMigration: string | null
  rows: Record<string, number>
  /** Migrations applied after the data was loaded (a backup from an older version). */
  migratedAfter: string[]
}

/**
 * Loads a backup into `target`: refuses a non-empty database unless `force` (then replaces
 * everything), refuses a backup taken at migrations this code does not know (a newer
 * Hindsight), migrates the target to the backup's migration, loads every row in one
 * transaction, moves sequences past the restored values, then applies newer migrations.
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  { force = false, migrations = migrationsDir }: { force?: boolean; migrations?: string } = {},
): Promise<RestoreSummary> {
  let header: BackupHeader | undefined
  for await (const line of backupLines(file)) {
    header = parseHeader(line, file)
    break
  }
  if (!header) throw new BackupFileError(`${file} is empty.`)

  const known = (await readMigrations(migrations)).migrationDirectories.map((d) => d.path)
  const newer = header.migrations.filter((name) => !known.includes(name))
  if (newer.length)
    throw new RestoreRefused(
      'NEWER_SCHEMA',
      `The backup was taken by a newer Hindsight (migrations this version does not have: ${newer.join(', ')}). Upgrade Hindsight, then restore.`,
    )

  const applied = await withConnection(target, async (connection) => {
    const applied = await appliedMigrations(connection)
    const unknown = applied.filter((name) => !known.includes(name))
    if (unknown.length)
      throw new RestoreRefused(
        'NEWER_SCHEMA',
        `The target database was migrated by a newer Hindsight (${unknown.join(', ')}). Upgrade Hindsight, then restore.`,
      )
    if (applied.length && !force) {
      const counts = await rowCounts(connection, await applicationTables(connection))
      const filled = Object.entries(counts).filter(([t, n]) => n > 0 && !SEEDED_TABLES.includes(t))
      if (filled.length)
        throw new RestoreRefused(
          'NOT_EMPTY',
          `The target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(', ')}). Restore into an empty database, or pass --force to replace everything in it.`,
        )
    }
    return applied
  })

  // Bring the schema to where the backup was taken, so every row fits as it was written.
  // A target already further along (restore with --force into a newer database) keeps its
  // schema; the backup's columns are loaded by name.
  const behind = applied.length < header.migrations.length
  if (behind && applied.every((name) => header.migrations.includes(name)))
    await migrateTo(target, header.migrations, migrations)

  const rows = await withConnection(target, async (connection) => {
    await connection.query('BEGIN')
    try {
      const counts = await load(connection, header, file, force)
      await connection.query('COMMIT')
      return counts
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {})
      throw error
    }
  })
  const upToDate = known.every((name) => header.migrations.includes(name) || applied.includes(name))
  const migratedAfter = upToDate ? [] : await migrate(target, migrations)
  return { backupMigration: header.migrations.at(-1) ?? null, rows, migratedAfter }
}

/** Applies exactly the migrations `names` (a prefix of the folder) to the target. */
async function migrateTo(target: DatabaseTarget, names: string[], dir: string) {
  const subset = await mkdtemp(path.join(os.tmpdir(), 'hindsight-restore-migrations-'))
  try {
    await cp(path.join(dir, 'migration_lock.toml'), path.join(subset, 'migration_lock.toml'))
    for (const name of names) await cp(path.join(dir, name), path.join(subset, name), { recursive: true })
    await migrate(target, subset)
  } finally {
    await rm(subset, { recursive: true, force: true })
  }
}

async function load(connection: SqlConnection, header: BackupHeader, file: string, replace: boolean) {
  const tables = await applicationTables(connection)
  const byName = new Map(tables.map((t) => [t.name, t]))
  const seeded = tables.filter(
    (t) => SEEDED_TABLES.includes(t.name) && header.tables.some((h) => h.name === t.name),
  )
  const cleared = replace ? tables : seeded
  if (cleared.length)
    await connection.query(
      `TRUNCATE ${cleared.map((t) => quoteIdent(t.name)).join(', ')} RESTART IDENTITY CASCADE`,
    )

  const columnsOf = new Map<string, string[]>()
  for (const table of header.tables) {
    const present = byName.get(table.name)
    if (!present)
      throw new BackupFileError(`The backup has table ${table.name}, which this database does not.`)
    columnsOf.set(
      table.name,
      table.columns.filter((c) => present.columns.includes(c)),
    )
  }

  const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]))
  // Rows of one table arrive together: they are inserted in batches.
  const batch: { table: string | null; rows: unknown[] } = { table: null, rows: [] }
  const flush = async () => {
    if (!batch.table || !batch.rows.length) return
    await insert(connection, byName.get(batch.table)!, columnsOf.get(batch.table)!, batch.rows)
    counts[batch.table]! += batch.rows.length
    batch.rows = []
  }

  let end: Record<string, number> | null = null
  let first = true
  for await (const line of backupLines(file)) {
    if (first) {
      first = false
      continue
    }
    const value = JSON.parse(line) as unknown
    const row = backupRow.safeParse(value)
    if (row.success) {
      if (!columnsOf.has(row.data.t)) throw new BackupFileError(`Row of unknown table ${row.data.t}.`)
      if (batch.table !== row.data.t) {
        await flush()
        batch.table = row.data.t
      }
      batch.rows.push(row.data.r)
      if (batch.rows.length >= INSERT_BATCH) await flush()
      continue
    }
    const last = backupEnd.safeParse(value)
    if (!last.success) throw new BackupFileError(`${file} has a line that is not part of a backup.`)
    end = last.data.rows
  }
  await flush()
  if (!end) throw new BackupFileError(`${file} was cut short (no end marker): nothing was restored.`)
  for (const [table, n] of Object.entries(end))
    if (counts[table] !== n)
      throw new BackupFileError(`${file} is damaged: ${table} has ${counts[table] ?? 0} rows, expected ${n}.`)

  for (const { table, column, lastValue, isCalled } of header.sequences) {
    if (!byName.has(table)) continue
    const t = quoteIdent(table)
    const c = quoteIdent(column)
    // The recorded position, or past the largest restored value if that is further.
    await connection.query(
      `SELECT setval(seq, GREATEST($1::bigint, top), $2::boolean OR top >= $1::bigint)
         FROM (SELECT pg_get_serial_sequence($3, $4) AS seq, COALESCE((SELECT max(${c}) FROM ${t}), 0)::bigint AS top) s
        WHERE seq IS NOT NULL`,
      [lastValue, isCalled, t, column],
    )
  }
  return counts
}

async function insert(connection: SqlConnection, table: TableInfo, columns: string[], rows: unknown[]) {
  const list = columns.map(quoteIdent).join(', ')
  const name = quoteIdent(table.name)
  await connection.query(
    `INSERT INTO ${name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`,
    [JSON.stringify(rows)],
  )
}
