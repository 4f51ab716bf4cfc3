import 'server-only'
import * as Y from 'yjs'
import { db } from '../db'
import type { Actor } from '../roles'
import { storedUpdates } from './load-ydoc'
import { writesSharedDocument } from './open-shared-document'

/**
 * The shared document of a postmortem as stored, for the editor page to start from: the
 * editor shows it and takes typing at once instead of waiting for its socket to connect and
 * sync. Every stored update merged into one (no document is built). Null for a reader who
 * may not write (the document's content goes to writers only) and for a postmortem whose
 * document was never opened: its first state is made from the tables once, on the server, so
 * that no two replicas make it separately.
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
  if (!updates.length) return null
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
}
