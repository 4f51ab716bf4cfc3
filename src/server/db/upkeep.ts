import 'server-only'
import { dataVersion } from '../data-version-cache'
import { db } from '../db'
import { databaseTarget } from '../env'

/*
 * The embedded database's upkeep (docs/decisions/044-embedded-upkeep.md). A server Postgres has
 * autovacuum: background workers that reclaim the row versions updates and deletes leave behind,
 * merge the word indexes' pending entries into the indexes, and count what the tables hold for the
 * planner (ANALYZE). PGlite runs Postgres in one process without them, so an embedded Hindsight
 * never did any of it: every autosave left a dead copy of its postmortem, every new word waited in
 * a GIN pending list that each search scanned, and the planner, like search's own cost rules
 * (word-postings.ts, newest-of-class.ts), saw tables that had never been counted. The server
 * process does it here instead, when autovacuum would: after 50 + 10% of the rows have changed.
 */

/** Rows changed since the last upkeep before the next one: autovacuum's analyze threshold. */
export function upkeepDue({ changed, rows }: { changed: number; rows: number }): boolean {
  return changed >= 50 + 0.1 * rows
}

/**
 * Rows changed so far in the tables the data version watches (its count, after the database's
 * name), and the rows all tables held when last counted.
 */
async function counts(): Promise<{ changes: number; rows: number }> {
  const [version, [row]] = await Promise.all([
    dataVersion(),
    db.$queryRaw<{ rows: number }[]>`
      SELECT COALESCE(sum(greatest(reltuples, 0)), 0)::float8 AS rows FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
  ])
  return { changes: Number(version.slice(version.lastIndexOf(':') + 1)), rows: row!.rows }
}

/** VACUUM (ANALYZE) of every table: dead rows reclaimed, pending index entries merged, statistics kept. */
export async function upkeep(): Promise<void> {
  await db.$executeRawUnsafe('VACUUM (ANALYZE)')
}

/**
 * The upkeep as the worker runs it: the first call always runs it (what changed while no process
 * ran is not known), later ones when enough rows have changed since. Resolves to whether it ran.
 */
export function upkeepWhenDue(): () => Promise<boolean> {
  let done: number | null = null
  return async () => {
    const { changes, rows } = await counts()
    if (done !== null && !upkeepDue({ changed: changes - done, rows })) return false
    await upkeep()
    done = changes
    return true
  }
}

const FIRST_MS = 60_000
const CHECK_MS = 5 * 60_000
const started = Symbol.for('hindsight.upkeepWorker')
const flags = globalThis as { [started]?: boolean }

/**
 * In a server process on the embedded database (instrumentation.ts): an upkeep a minute after
 * start, then whenever enough rows have changed, checked every five minutes. A server Postgres is
 * left to its autovacuum.
 */
export function startUpkeepWorker() {
  if (databaseTarget().kind !== 'pglite' || flags[started]) return
  flags[started] = true
  const due = upkeepWhenDue()
  let running = false
  async function tick() {
    if (running) return
    running = true
    try {
      await due()
    } catch (error) {
      console.error('Database upkeep failed:', error)
    } finally {
      running = false
    }
  }
  setTimeout(() => void tick(), FIRST_MS).unref()
  setInterval(() => void tick(), CHECK_MS).unref()
}
