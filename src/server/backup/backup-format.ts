import { z } from 'zod'

/*
 * A Hindsight backup: gzipped JSON lines, the same file for the embedded database and a
 * server Postgres.
 *   line 1      the header below
 *   then        {"t": table, "r": row} for every row, tables parents first; each row is
 *               Postgres' own row_to_json, so every type (timestamps, enums, JSON, tsvector)
 *               is in its text form and reads back through the same type's input
 *   last line   {"end": true, "rows": {table: count}} — a file without it was cut short
 */
export const BACKUP_FORMAT = 'hindsight-backup'
export const BACKUP_FORMAT_VERSION = 1

export const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  source: z.enum(['postgres', 'pglite']),
  /** Migrations applied to the database it was taken from, oldest first. */
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
  sequences: z.array(
    z.object({ table: z.string(), column: z.string(), lastValue: z.number(), isCalled: z.boolean() }),
  ),
})
export type BackupHeader = z.infer<typeof backupHeader>

export const backupRow = z.object({ t: z.string(), r: z.record(z.string(), z.unknown()) })
export const backupEnd = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number()) })
