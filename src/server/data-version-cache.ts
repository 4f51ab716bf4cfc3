import 'server-only'
import { cache } from 'react'
import { db } from './db'
import { hasRole, type Actor } from './roles'

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
 *
 * A page's render reads it once: its session, its figures and its menus are kept reads, each
 * awaited after the one before, and each asked the database again (three round trips on
 * /insights and on a launch review). The render starts after the request does, so a person who
 * saved and reloads still never reads a version from before their save. A server action runs
 * before the render that follows it, outside its cache: React's `cache` keeps values for one
 * server render and for nothing else (a route handler, a socket or a script asks every time, as
 * before; decision 052). A write during a render (better-auth refreshing a session once a day)
 * can only leave a value kept under a version older than its data: it is computed again at the
 * next request, which reads the newer version.
 */
export const dataVersion = cache(function dataVersion(): Promise<string> {
  // The reads asked for in one turn of the event loop (a page's parallel loads) share one query.
  // It is sent after all of them were asked, so none gets a version older than its own start.
  asked ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    asked = null
    return readVersion()
  })
  return asked
})

let asked: Promise<string> | null = null

async function readVersion(): Promise<string> {
  // Waits out a commit in progress, so that the version is never newer than the rows it is
  // read with (migration data_version_documents).
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT "hindsight_data_version"() AS version`
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
          // Every reader gets the same value: outside production it is frozen, so that code that
          // changes it in place fails its tests instead of changing what the next reader sees.
          if (process.env.NODE_ENV !== 'production') deepFreeze(value)
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

/**
 * The key of a kept read that depends on who reads: its parts, and what decides a reader's view of
 * the same data (editors and admins see drafts and e-mails, viewers and API tokens do not).
 */
export function readerKey(actor: Actor, ...parts: (string | number | boolean)[]): string {
  return [hasRole(actor, 'EDITOR') ? 'editor' : 'viewer', ...parts].join('\u0000')
}

function deepFreeze(value: unknown) {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return
  Object.freeze(value)
  for (const inner of Object.values(value)) deepFreeze(inner)
}
