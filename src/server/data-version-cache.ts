import 'server-only'
import { db } from './db'

/*
 * What is computed from the data and read far more often than the data changes (insights, the
 * rarity of a word among postmortems, the incidents like a launch) is kept per process against
 * the database's data version: the DataVersion sequence, moved at commit by every change to the
 * tables it watches (migration data_version: postmortems and their lists, launches, checks,
 * checklist items, taxonomies, users; docs/decisions/030-insights-cache.md). A write through the
 * use cases, by SQL, by a restore or by another process is seen at the next read. Identical
 * requests while a value is computed share the computation.
 */

/**
 * The data version: moves with every committed change to what the caches are computed from. It
 * names the database too, so that a process that opens another one (a test, a restore check)
 * never reads the first one's values.
 */
export async function dataVersion(): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`
    SELECT current_database() || ':' || (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS version
    FROM "DataVersion"`
  return row!.version
}

type Entry<T> = { version: string; at: number; value: T }
type State = { entries: Map<string, Entry<unknown>>; computing: Map<string, Promise<unknown>> }
const holder = globalThis as { [key: symbol]: State | undefined }

/**
 * A cache of values by id, each valid at the data version it was computed at (and for at most
 * `ttlMs` when it also moves with the clock), at most `maxEntries`, least recently used first out.
 */
export function dataVersionCache<T>(
  name: string,
  { maxEntries, ttlMs }: { maxEntries: number; ttlMs?: number },
) {
  const key = Symbol.for(`hindsight.dataVersionCache.${name}`)
  const state = (holder[key] ??= { entries: new Map(), computing: new Map() })
  return async function cached(id: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion()
    const hit = state.entries.get(id) as Entry<T> | undefined
    if (hit && hit.version === version && (ttlMs === undefined || Date.now() - hit.at < ttlMs)) {
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
          while (state.entries.size > maxEntries) state.entries.delete(state.entries.keys().next().value!)
          return value
        })
        .finally(() => state.computing.delete(running))
      state.computing.set(running, computing)
    }
    return computing
  }
}
