import 'server-only'
import { db } from '../db'
import { getPostmortem } from '../postmortems/get-postmortem'
import type { SaveResult } from '../postmortems/save-postmortem'
import type { SavePostmortemInput } from '../postmortems/schemas'
import { err, ok } from '../result'
import { hasRole, type Actor } from '../roles'
import { applyDocumentSince, holdsState } from '@/lib/shared-document/apply-document'
import { deriveFromYDoc } from './derive-from-ydoc'
import { liveRooms } from './live-rooms'
import { readValidDocument } from './read-valid-document'
import { loadState } from './store-state'
import { storeUpdate } from './store-update'

/**
 * A whole document written through the JSON API (`PUT /api/v1/postmortems/:number`, with the
 * version it was based on), applied to the shared document as a change merged from the state
 * that version was written from: what others wrote since stays, and a write based on an older
 * version is merged instead of refused. Only a version whose state is not recorded (older than
 * the kept ones, or from before the shared document) is refused with the current one, as a
 * stale save is today. A postmortem without a shared document gets one first (`loadYDoc`), so
 * that no write can land in the tables behind its back.
 */
export async function putDocument({
  actor,
  number,
  input,
}: {
  actor: Actor
  number: number
  input: SavePostmortemInput
}): Promise<SaveResult> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const row = await db.postmortem.findUnique({ where: { number }, select: { id: true } })
  if (!row) return err('NOT_FOUND')
  const postmortemId = row.id
  // The live room's document when people are editing it here: they see the change at once.
  const ydoc = await liveRooms.liveDocument(postmortemId)
  if (!ydoc) return err('NOT_FOUND')
  // After the document: opening it for the first time records the current version's state.
  const base = await loadState(db, { postmortemId, version: input.baseVersion })
  if (!base || !holdsState(ydoc, base)) return conflict(actor, number)
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => void updates.push(update)
  ydoc.on('update', collect)
  applyDocumentSince(ydoc, base, input.document)
  ydoc.off('update', collect)
  const merged = readValidDocument(ydoc)
  if (!merged.ok) return merged
  await db.$transaction(async (tx) => {
    for (const update of updates) await storeUpdate(tx, { postmortemId, update, origin: `api:${actor.id}` })
  })
  const derived = await deriveFromYDoc({ actor, postmortemId, ydoc })
  if (!derived.ok) return derived
  const saved = await db.postmortem.findUniqueOrThrow({
    where: { id: postmortemId },
    select: { updatedAt: true },
  })
  return ok({ version: derived.data.version, updatedAt: saved.updatedAt })
}

/** The version it was based on is unknown (or too old): answer with the current one, as a stale save is. */
async function conflict(actor: Actor, number: number): Promise<SaveResult> {
  const view = await getPostmortem({ actor, number })
  if (!view.ok) return view
  const { version, updatedAt, updatedBy, document } = view.data
  return { ok: false, error: { code: 'CONFLICT' }, current: { version, updatedAt, updatedBy, document } }
}
