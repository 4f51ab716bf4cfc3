import 'server-only'
import type * as Y from 'yjs'
import { db } from '../db'
import type { PostmortemDocument } from '../postmortems/schemas'
import type { Actor } from '../roles'
import { applyDocument } from '@/lib/shared-document/apply-document'
import { liveRooms } from './live-rooms'
import { storeUpdate } from './store-update'

/**
 * Makes a postmortem's shared document read as `document`, as one edit by `actor` (the
 * smallest change: `applyDocument`): live editors see it at once, and it is stored like
 * their own typing. The document it changed, or null when there is no such postmortem.
 */
export async function applyToSharedDocument({
  actor,
  postmortemId,
  document,
}: {
  actor: Actor
  postmortemId: string
  document: PostmortemDocument
}): Promise<Y.Doc | null> {
  const ydoc = await liveRooms.liveDocument(postmortemId)
  if (!ydoc) return null
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => void updates.push(update)
  ydoc.on('update', collect)
  applyDocument(ydoc, document)
  ydoc.off('update', collect)
  await db.$transaction(async (tx) => {
    for (const update of updates) await storeUpdate(tx, { postmortemId, update, origin: `user:${actor.id}` })
  })
  return ydoc
}
