import 'server-only'
import * as Y from 'yjs'
import { db, type Tx } from '../db'
import { documentInclude, toDocument, type PostmortemWithDocument } from '../postmortems/document'
import { applyDocument, applyDocumentSince, holdsState } from '@/lib/shared-document/apply-document'
import { toYDoc } from '@/lib/shared-document/postmortem-ydoc'
import { loadState, storeState } from './store-state'
import { storeUpdate } from './store-update'

/**
 * A Y.Doc for the shared document: it keeps deleted content (`gc: false`) so that an earlier
 * state can be rebuilt from a snapshot (`applyDocumentSince`, version history).
 */
export const newServerYDoc = () => new Y.Doc({ gc: false })

/** A postmortem's stored updates (by its id or its number), oldest first. */
export async function storedUpdates(
  tx: Tx,
  postmortem: { postmortemId: string } | { number: number },
): Promise<Uint8Array[]> {
  const rows = await tx.documentUpdate.findMany({
    where: 'number' in postmortem ? { postmortem: { number: postmortem.number } } : postmortem,
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
    const updates = await storedUpdates(tx, { postmortemId })
    if (updates.length) return catchUp(tx, postmortemId, fromUpdates(updates))
    // First open: lock the postmortem, so that two servers opening it at once store one first state.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Postmortem" WHERE id = ${postmortemId} FOR UPDATE`
    if (!locked.length) return null
    const seeded = await storedUpdates(tx, { postmortemId })
    if (seeded.length) return catchUp(tx, postmortemId, fromUpdates(seeded))
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

async function catchUp(tx: Tx, postmortemId: string, ydoc: Y.Doc): Promise<Y.Doc | null> {
  const row = await tx.postmortem.findUnique({ where: { id: postmortemId }, include: documentInclude })
  if (!row) return null
  await catchUpWithTables(tx, ydoc, row)
  return ydoc
}

/**
 * Tables written without the shared document since it last wrote them (the editor's form, a
 * restore) are newer than it. A version the document wrote itself has its state recorded
 * (deriveFromYDoc); one it did not write has none. The tables' changes since the latest recorded
 * state are merged into the document as a change and stored — what people typed live since stays
 * — so that the next derive does not write the older text back.
 */
export async function catchUpWithTables(tx: Tx, ydoc: Y.Doc, row: PostmortemWithDocument) {
  const postmortemId = row.id
  if (await loadState(tx, { postmortemId, version: row.version })) return
  const latest = await tx.documentState.findFirst({
    where: { postmortemId },
    orderBy: { version: 'desc' },
    select: { snapshot: true },
  })
  const base = latest && Y.decodeSnapshot(latest.snapshot)
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => void updates.push(update)
  ydoc.on('update', collect)
  if (base && holdsState(ydoc, base)) applyDocumentSince(ydoc, base, toDocument(row))
  else applyDocument(ydoc, toDocument(row))
  ydoc.off('update', collect)
  for (const update of updates) await storeUpdate(tx, { postmortemId, update, origin: 'seed' })
  await storeState(tx, { postmortemId, version: row.version, state: Y.snapshot(ydoc) })
}
