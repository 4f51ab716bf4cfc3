import 'server-only'
import { db } from '../db'

/*
 * Insights are the same for every reader of the same filters and scope, and cost hundreds of
 * milliseconds at 10,000 postmortems, while the data they count changes far less often than they
 * are read. They are kept per process against the database's data version (the DataVersion
 * sequence, moved at commit by every change to a table they count: migration data_version,
 * docs/decisions/030-insights-cache.md) and for at most a minute (ages and "overdue" move with
 * the clock). Identical requests while the figures are computed share the computation.
 */

const TTL_MS = 60_000
const MAX_ENTRIES = 32

type Entry<T> = { version: string; at: number; value: T }
const key = Symbol.for('hindsight.insightsCache')
const holder = globalThis as {
  [key]?: { entries: Map<string, Entry<unknown>>; computing: Map<string, Promise<unknown>> }
}
const state = (holder[key] ??= { entries: new Map(), computing: new Map() })

/** The data version: moves with every committed change to what the insights count. */
export async function dataVersion(): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`
    SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS version FROM "DataVersion"`
  return row!.version
}

/** The figures for `id` as computed at the current data version within the last minute, or computed now. */
export async function cachedFigures<T>(id: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion()
  const hit = state.entries.get(id) as Entry<T> | undefined
  if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) {
    // Most recently used last: the first entry is the one to drop.
    state.entries.delete(id)
    state.entries.set(id, hit)
    return hit.value
  }
  const running = `${version}\u0000${id}`
  let computing = state.computing.get(running) as Promise<T> | undefined
  if (!computing) {
    computing = compute()
      .then((value) => {
        state.entries.delete(id)
        state.entries.set(id, { version, at: Date.now(), value })
        while (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!)
        return value
      })
      .finally(() => state.computing.delete(running))
    state.computing.set(running, computing)
  }
  return computing
}
