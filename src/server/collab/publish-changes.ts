import 'server-only'
import * as Y from 'yjs'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { missingForReview } from '../postmortems/change-status'
import { changedFields } from '../postmortems/diff-documents'
import { documentInclude, toDocument } from '../postmortems/document'
import { editsNextVersion, needsComplete } from '../postmortems/postmortem-status'
import { savePostmortem } from '../postmortems/save-postmortem'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { catchUpWithTables } from './load-ydoc'
import { liveRooms } from './live-rooms'
import { readValidDocument } from './read-valid-document'
import { storeState } from './store-state'

/**
 * "Publish changes": the next version of a published postmortem — what its shared document
 * says now — becomes the published one, under the rules of a first publication
 * (`missingForReview`). One save (`savePostmortem`): the tables, the search index, a new
 * revision, the pending version removed. Refused with INVALID_STATE (and the missing parts)
 * when a rule is not met, or when there is nothing to publish.
 */
export async function publishChanges({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Result<{ version: number }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const found = await db.postmortem.findUnique({ where: { number }, select: { id: true } })
  if (!found) return err('NOT_FOUND')
  const postmortemId = found.id
  const ydoc = await liveRooms.liveDocument(postmortemId)
  if (!ydoc) return err('NOT_FOUND')
  const row = await db.postmortem.findUniqueOrThrow({ where: { id: postmortemId }, include: documentInclude })
  if (!editsNextVersion(row.status)) return err('INVALID_STATE', { message: 'NOT_PUBLISHED' })
  await db.$transaction((tx) => catchUpWithTables(tx, ydoc, row))
  const state = Y.snapshot(ydoc)
  const next = readValidDocument(ydoc)
  if (!next.ok) return next
  if (!changedFields(toDocument(row), next.data).length) {
    await db.pendingVersion.deleteMany({ where: { postmortemId } })
    return err('INVALID_STATE', { message: 'NO_CHANGES' })
  }
  const missing = needsComplete(row.status) ? missingForReview(next.data) : {}
  if (Object.keys(missing).length) return err('INVALID_STATE', { fields: missing })
  const saved = await savePostmortem({
    actor,
    number,
    input: { baseVersion: row.version, document: next.data },
    publishChanges: true,
  })
  if (!saved.ok) return { ok: false, error: saved.error }
  // The document reads as the version just written: a later catch-up has nothing to bring.
  await storeState(db, { postmortemId, version: saved.data.version, state })
  await recordAuditEvent({
    actor,
    action: 'postmortem-changes-published',
    target: `postmortem:${number}`,
    detail: next.data.title,
  })
  return ok({ version: saved.data.version })
}
