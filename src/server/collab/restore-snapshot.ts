import 'server-only'
import { db } from '../db'
import type { RevisionSnapshot } from '../postmortems/revisions'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { applyToSharedDocument } from './apply-to-shared-document'
import { deriveFromYDoc } from './derive-from-ydoc'
import { postmortemDocument } from '../postmortems/schemas'

/**
 * "Restore": the shared document reads as a kept revision again, as an edit by `actor` that
 * live editors see at once and can undo like any other change of the document. On a
 * published postmortem it becomes the pending next version, reviewed when it is published.
 */
export async function restoreSnapshot({
  actor,
  number,
  revisionId,
}: {
  actor: Actor
  number: number
  revisionId: string
}): Promise<Result<{ version: number }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const revision = await db.revision.findFirst({
    where: { id: revisionId, postmortem: { number } },
    select: { postmortemId: true, snapshot: true },
  })
  if (!revision) return err('NOT_FOUND')
  // Checked like any edit (revisions written before a rule may not meet it).
  const parsed = postmortemDocument.safeParse((revision.snapshot as unknown as RevisionSnapshot).document)
  if (!parsed.success) return err('INVALID_STATE', { message: 'INVALID_REVISION' })
  const ydoc = await applyToSharedDocument({
    actor,
    postmortemId: revision.postmortemId,
    document: parsed.data,
  })
  if (!ydoc) return err('NOT_FOUND')
  const derived = await deriveFromYDoc({ actor, postmortemId: revision.postmortemId, ydoc })
  if (!derived.ok) return derived
  return ok({ version: derived.data.version })
}
