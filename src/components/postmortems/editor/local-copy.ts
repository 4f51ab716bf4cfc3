import * as idb from 'lib0/indexeddb'
import { IndexeddbPersistence, storeState } from 'y-indexeddb'
import type * as Y from 'yjs'

/** Past this many stored updates, the local copy is written again as one (decision 059). */
export const COMPACT_PAST = 20

/**
 * This browser's copy of a shared document, in IndexedDB, kept small. y-indexeddb stores the
 * whole document once more each time it opens, and applies every stored update again at the
 * next opening; it writes them back as one only past 500. A postmortem opened sixty times with
 * five edits each took 28 ms to load its copy the first time and 325 ms the sixtieth (in Node,
 * with an in-memory IndexedDB). Past `COMPACT_PAST` stored updates the copy is written again as
 * one (y-indexeddb's own `storeState`), at the next idle moment `whenIdle` gives, never ahead of
 * a keystroke.
 */
export function openLocalCopy(
  name: string,
  doc: Y.Doc,
  whenIdle: (work: () => void) => () => void,
): {
  local: IndexeddbPersistence
  /** Resolves once the copy has been looked at, and written again as one if it had grown. */
  kept: Promise<void>
  destroy: () => Promise<void>
} {
  const local = new IndexeddbPersistence(name, doc)
  let closed = false
  let stop = () => {}
  const kept = local.whenSynced.then(
    () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve()
        const cancel = whenIdle(() => void compact(local, () => closed).finally(resolve))
        stop = () => (cancel(), resolve())
      }),
  )
  return {
    local,
    kept,
    destroy: () => {
      closed = true
      stop()
      return local.destroy()
    },
  }
}

/** Writes the copy again as one update when it holds more than `COMPACT_PAST`. */
async function compact(local: IndexeddbPersistence, closed: () => boolean) {
  if (closed() || !local.db) return
  // Counted here: y-indexeddb counts its updates only after it says it has synced.
  const [updates] = idb.transact(local.db, ['updates'], 'readonly')
  if ((await idb.count(updates!)) <= COMPACT_PAST || closed()) return
  await storeState(local, true).catch(() => {})
}
