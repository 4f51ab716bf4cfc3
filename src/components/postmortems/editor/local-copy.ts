import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/** Past this many stored updates, the local copy is written again as one (decision 059). */
export const COMPACT_PAST = 20

/**
 * This browser's copy of a shared document, in IndexedDB, kept small. y-indexeddb stores the
 * whole document once more each time it opens, and applies every stored update again at the
 * next opening; it writes them back as one only past 500. A postmortem opened sixty times with
 * five edits each took 28 ms to load its copy the first time and 325 ms the sixtieth (in Node,
 * with an in-memory IndexedDB). Past `COMPACT_PAST` stored updates, the updates this document
 * has applied are written again as one, encoded in the next idle moment `whenIdle` gives.
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
  const kept = local.whenSynced
    .then(() => storedUpdates(local))
    .then(
      (stored) =>
        new Promise<void>((resolve) => {
          if (closed || stored <= COMPACT_PAST) return resolve()
          const cancel = whenIdle(() => void compact(local, () => closed).finally(resolve))
          stop = () => (cancel(), resolve())
        }),
    )
    .catch(() => {})
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

/** Counted here: y-indexeddb counts its updates only after it says it has synced. */
function storedUpdates(local: IndexeddbPersistence) {
  return new Promise<number>((resolve, reject) => {
    if (!local.db) return resolve(0)
    const count = local.db.transaction('updates').objectStore('updates').count()
    count.onsuccess = () => resolve(count.result)
    count.onerror = () => reject(count.error)
  })
}

/**
 * Replaces the updates stored before `_dbref` (all of them were applied to the document when it
 * synced, or are its own) with the document's state, in one transaction. Updates stored since,
 * by another tab of this browser, are left as they are: the document has not seen them. Nothing
 * here depends on the document still being open once the state is encoded.
 */
async function compact(local: IndexeddbPersistence, closed: () => boolean) {
  const applied = local._dbref
  if (closed() || !local.db || applied === 0) return
  const state = Y.encodeStateAsUpdate(local.doc)
  try {
    const written = local.db.transaction('updates', 'readwrite')
    written.objectStore('updates').add(state)
    written.objectStore('updates').delete(IDBKeyRange.upperBound(applied, true))
    await new Promise((resolve, reject) => {
      written.oncomplete = resolve
      written.onerror = written.onabort = () => reject(written.error)
    })
  } catch {
    // The browser closed the database or refused the write: the copy stays as it was.
  }
}
