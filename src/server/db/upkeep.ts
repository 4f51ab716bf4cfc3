import 'server-only'
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
 * Rows changed so far in the tables the data version watches (its count), and the rows all tables
 * held when last counted.
 */
async function counts(): Promise<{ changes: number; rows: number }> {
  const [row] = await db.$queryRaw<{ changes: bigint; rows: number }[]>`
    SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "DataVersion") AS changes,
      (SELECT COALESCE(sum(greatest(reltuples, 0)), 0)::float8 FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r') AS rows`
  return { changes: Number(row!.changes), rows: row!.rows }
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

type Worker = { stop(): void }
const key = Symbol.for('hindsight.upkeepWorker')
const holder = globalThis as { [key]?: Worker }

/**
 * In a server process on the embedded database (instrumentation.ts): an upkeep a minute after
 * start, then whenever enough rows have changed, checked every `checkMs`. A server Postgres is
 * left to its autovacuum.
 */
export function startUpkeepWorker({
  firstMs = 60_000,
  checkMs = 5 * 60_000,
}: { firstMs?: number; checkMs?: number } = {}): Worker | null {
  if (databaseTarget().kind !== 'pglite') return null
  if (holder[key]) return holder[key]
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
  const first = setTimeout(() => void tick(), firstMs)
  const timer = setInterval(() => void tick(), checkMs)
  first.unref()
  timer.unref()
  holder[key] = {
    stop() {
      clearTimeout(first)
      clearInterval(timer)
      delete holder[key]
    },
  }
  return holder[key]
}
