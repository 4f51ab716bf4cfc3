import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { COMPACT_PAST, openLocalCopy } from './local-copy'

// y-indexeddb reads the browser's globals; an in-memory IndexedDB stands in for them here.
const globals = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown }
beforeAll(() => {
  globals.indexedDB = indexedDB
  globals.IDBKeyRange = IDBKeyRange
})
afterAll(() => {
  delete globals.indexedDB
  delete globals.IDBKeyRange
})

/** What the server sends with the page: a root cause typed in many small edits. */
function serverState() {
  const doc = new Y.Doc()
  const text = doc.getText('rootCause')
  for (let i = 0; i < 300; i++) text.insert(text.length, `step ${i} 步骤 `)
  for (let i = 0; i < 300; i++) text.insert((i * 7) % text.length, 'k')
  return { update: Y.encodeStateAsUpdate(doc), text: text.toString() }
}

/** How many updates a browser's copy holds. */
function storedUpdates(name: string) {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open(name)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const count = open.result.transaction('updates').objectStore('updates').count()
      count.onsuccess = () => {
        open.result.close()
        resolve(count.result)
      }
    }
  })
}

const EDITS = 5
const now = (work: () => void) => (work(), () => {})

/** Opens the editor `times` times, typing a few characters each time, then closes it. */
async function openAgainAndAgain(
  name: string,
  times: number,
  open: (doc: Y.Doc) => Promise<() => Promise<void>>,
) {
  const server = serverState()
  for (let i = 0; i < times; i++) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, server.update)
    const close = await open(doc)
    for (let e = 0; e < EDITS; e++) doc.getText('rootCause').insert(0, 'x')
    await close()
  }
  return server.text
}

describe('the local copy of a shared document', () => {
  it('stays small however often the editor opens, and keeps every edit', async () => {
    const original = await openAgainAndAgain('copy-compacted', 40, async (doc) => {
      const copy = openLocalCopy('copy-compacted', doc, now)
      await copy.kept
      return copy.destroy
    })
    expect(await storedUpdates('copy-compacted')).toBeLessThanOrEqual(COMPACT_PAST + EDITS + 1)

    // Offline, with nothing from the server: the copy alone holds the text and all 200 edits.
    const offline = new Y.Doc()
    const reread = new IndexeddbPersistence('copy-compacted', offline)
    await reread.whenSynced
    expect(offline.getText('rootCause').toString()).toBe('x'.repeat(40 * EDITS) + original)
    await reread.destroy()
  })

  it('grows with every opening when y-indexeddb is left to compact on its own', async () => {
    await openAgainAndAgain('copy-as-is', 40, async (doc) => {
      const local = new IndexeddbPersistence('copy-as-is', doc)
      await local.whenSynced
      return () => local.destroy()
    })
    // One whole copy and the edits of each opening.
    expect(await storedUpdates('copy-as-is')).toBe(40 * (EDITS + 1))
  })

  it("keeps another tab's edits, stored after it opened, even when it closes as it compacts", async () => {
    const server = await openAgainAndAgain('copy-two-tabs', 5, async (doc) => {
      const local = new IndexeddbPersistence('copy-two-tabs', doc)
      await local.whenSynced
      return () => local.destroy()
    })
    const before = await storedUpdates('copy-two-tabs')
    expect(before).toBeGreaterThan(COMPACT_PAST)

    // This tab opens, and waits for an idle moment to write its copy again.
    const mine = new Y.Doc()
    let idle: (() => void) | undefined
    const copy = openLocalCopy('copy-two-tabs', mine, (work) => ((idle = work), () => {}))
    await vi.waitFor(() => expect(idle).toBeDefined())

    // Meanwhile another tab, offline, stores an edit this one has not seen.
    const other = new Y.Doc()
    const otherCopy = new IndexeddbPersistence('copy-two-tabs', other)
    await otherCopy.whenSynced
    other.getText('rootCause').insert(0, '另一个标签页 ')
    await otherCopy.destroy()

    // The idle moment comes, and this tab closes at once.
    idle!()
    await copy.destroy()
    expect(await storedUpdates('copy-two-tabs')).toBeLessThan(before)

    const offline = new Y.Doc()
    const reread = new IndexeddbPersistence('copy-two-tabs', offline)
    await reread.whenSynced
    expect(offline.getText('rootCause').toString()).toBe('另一个标签页 ' + 'x'.repeat(5 * EDITS) + server)
    await reread.destroy()
  })
})
