import 'server-only'
import * as Y from 'yjs'
import { db, type Tx } from '../db'
import { documentInclude, toDocument } from '../postmortems/document'
import { toYDoc } from './postmortem-ydoc'
import { storeState } from './store-state'
import { storeUpdate } from './store-update'

/**
 * A Y.Doc for the shared document: it keeps deleted content (`gc: false`) so that an earlier
 * state can be rebuilt from a snapshot (`applyDocumentSince`, version history).
 */
export const newServerYDoc = () => new Y.Doc({ gc: false })

async function storedUpdates(tx: Tx, postmortemId: string) {
  const rows = await tx.documentUpdate.findMany({
    where: { postmortemId },
    orderBy: { id: 'asc' },
    select: { update: true },
  })
  return rows.map((row) => row.update)
}

function fromUpdates(updates: Uint8Array[]) {
  const ydoc = newServerYDoc()
  Y.applyUpdate(ydoc, Y.mergeUpdates(updates))
  return ydoc
}

/**
 * The shared document of a postmortem, from its stored updates. A postmortem that has none
 * yet (every postmortem written before co-editing) starts from its structured tables, and that
 * first state is stored at once: two replicas built from the tables separately would each
 * insert every text, and merging them would show it twice. Null when there is no such postmortem.
 */
export async function loadYDoc(postmortemId: string): Promise<Y.Doc | null> {
  return db.$transaction(async (tx) => {
    const updates = await storedUpdates(tx, postmortemId)
    if (updates.length) return fromUpdates(updates)
    // First open: lock the postmortem, so that two servers opening it at once store one first state.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Postmortem" WHERE id = ${postmortemId} FOR UPDATE`
    if (!locked.length) return null
    const seeded = await storedUpdates(tx, postmortemId)
    if (seeded.length) return fromUpdates(seeded)
    const row = await tx.postmortem.findUniqueOrThrow({
      where: { id: postmortemId },
      include: documentInclude,
    })
    const ydoc = toYDoc(toDocument(row), newServerYDoc())
    await storeUpdate(tx, { postmortemId, update: Y.encodeStateAsUpdate(ydoc), origin: 'seed' })
    await storeState(tx, { postmortemId, version: row.version, state: Y.snapshot(ydoc) })
    return ydoc
  })
}
