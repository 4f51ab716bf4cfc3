import 'server-only'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createGzip } from 'node:zlib'
import type { DatabaseTarget } from '../db/adapter'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup-format'
import { applicationTables, appliedMigrations, quoteIdent, sequences } from './schema-tables'
import { withConnection } from './sql-connection'

const FETCH_ROWS = 1_000

export type BackupSummary = {
  file: string
  migration: string | null
  rows: Record<string, number>
  bytes: number
}

/**
 * Writes every application table to `file` from one REPEATABLE READ snapshot, so the backup
 * is consistent while the app keeps writing (server Postgres). The file appears only when
 * complete (written beside it, then renamed).
 */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`
  const gzip = createGzip()
  const out = createWriteStream(partial)
  gzip.pipe(out)
  const write = async (value: string) => {
    if (!gzip.write(`${value}\n`)) await once(gzip, 'drain')
  }
  try {
    const rows = await withConnection(target, async (connection) => {
      await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      try {
        const migrations = await appliedMigrations(connection)
        if (!migrations.length) throw new Error('The database has no migrations applied: nothing to back up.')
        const tables = await applicationTables(connection)
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          source: target.kind,
          migrations,
          tables,
          sequences: await Promise.all(
            (await sequences(connection)).map(async ({ table, column, sequence }) => {
              const [state] = await connection.query<{ last_value: string; is_called: boolean }>(
                `SELECT last_value::text, is_called FROM ${sequence}`,
              )
              return { table, column, lastValue: Number(state!.last_value), isCalled: state!.is_called }
            }),
          ),
        }
        await write(JSON.stringify(header))
        const counts: Record<string, number> = {}
        for (const { name } of tables) {
          counts[name] = 0
          await connection.query(
            `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(name)} t`,
          )
          for (;;) {
            const batch = await connection.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`)
            for (const { j } of batch) await write(`{"t":${JSON.stringify(name)},"r":${j}}`)
            counts[name] += batch.length
            if (batch.length < FETCH_ROWS) break
          }
          await connection.query('CLOSE backup_rows')
        }
        await write(JSON.stringify({ end: true, rows: counts }))
        return { migration: migrations.at(-1) ?? null, counts }
      } finally {
        await connection.query('COMMIT')
      }
    })
    gzip.end()
    await once(out, 'close')
    await rename(partial, file)
    return { file, migration: rows.migration, rows: rows.counts, bytes: out.bytesWritten }
  } catch (error) {
    gzip.destroy()
    out.destroy()
    await rm(partial, { force: true })
    throw error
  }
}
