import 'server-only'
import * as Y from 'yjs'
import { db } from '../db'
import type { Actor } from '../roles'
import { loadYDoc, storedUpdates } from './load-ydoc'
import { writesSharedDocument } from './open-shared-document'

/**
 * The shared document of a postmortem as stored, for the editor page to start from: the
 * editor shows it and takes typing at once instead of waiting for its socket to connect and
 * sync. Every stored update merged into one (no document is built). A postmortem whose document
 * was never opened (just created, imported, or written before co-editing) has its first state
 * made from its tables here, once and stored, as the socket would: no two replicas make it
 * separately, and its fields take typing from the first paint. Null for a reader who may not
 * write (the document's content goes to writers only) and when there is no such postmortem.
 *
 * What the socket brings later (changes stored since, tables written without the document)
 * merges into it as any concurrent edit does.
 */
export async function readSharedState({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Uint8Array | null> {
  if (!writesSharedDocument(actor)) return null
  const updates = await storedUpdates(db, { number })
  if (updates.length) return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  const row = await db.postmortem.findUnique({ where: { number }, select: { id: true } })
  const ydoc = row && (await loadYDoc(row.id))
  return ydoc ? Y.encodeStateAsUpdate(ydoc) : null
}
