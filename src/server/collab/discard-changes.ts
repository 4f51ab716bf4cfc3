import 'server-only'
import { db } from '../db'
import { documentInclude, toDocument } from '../postmortems/document'
import { editsNextVersion } from '../postmortems/postmortem-status'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { applyToSharedDocument } from './apply-to-shared-document'
import { deriveFromYDoc } from './derive-from-ydoc'

/**
 * "Discard changes": the shared document of a published postmortem reads as the published
 * version again (an edit live editors see at once) and its pending version is gone.
 */
export async function discardChanges({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Result<{ version: number }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const row = await db.postmortem.findUnique({ where: { number }, include: documentInclude })
  if (!row) return err('NOT_FOUND')
  if (!editsNextVersion(row.status)) return err('INVALID_STATE', { message: 'NOT_PUBLISHED' })
  const ydoc = await applyToSharedDocument({ actor, postmortemId: row.id, document: toDocument(row) })
  if (!ydoc) return err('NOT_FOUND')
  // The document says what the tables say again: the derive removes the pending version.
  const derived = await deriveFromYDoc({ actor, postmortemId: row.id, ydoc })
  if (!derived.ok) return derived
  await db.pendingVersion.deleteMany({ where: { postmortemId: row.id } })
  return ok({ version: row.version })
}
