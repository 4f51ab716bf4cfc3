import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { emitPostmortemStatusEvent } from '../notifications/postmortem-events'
import { kickDeliveries } from '../notifications/worker'
import { err, ok, type Result } from '../result'
import { documentInclude, toDocument } from './document'
import { recordRevision } from './revisions'
import { kickRepeats } from './repeats'
import {
  canMovePostmortem,
  isPublic,
  keepsRevisions,
  needsComplete,
  type PostmortemStatus,
} from './postmortem-status'
import type { PostmortemDocument } from './schemas'

/** What must be written before a postmortem goes to review or is published (field → i18n key). */
export function missingForReview(doc: PostmortemDocument): Record<string, string> {
  const missing: Record<string, string> = {}
  if (!doc.symptom.trim()) missing.symptom = 'requiredToPublish'
  if (!doc.rootCause.trim()) missing.rootCause = 'requiredToPublish'
  // An item added and left empty would be published as a blank row.
  const texts = {
    hypotheses: doc.hypotheses.map((h) => h.statement),
    timeline: doc.timeline.map((e) => e.text),
    openQuestions: doc.openQuestions.map((q) => q.text),
    lessons: doc.lessons.map((l) => l.text),
    actionItems: doc.actionItems.map((a) => a.title),
  }
  for (const [list, items] of Object.entries(texts))
    items.forEach((text, index) => {
      if (!text.trim()) missing[`${list}.${index}`] = 'emptyItem'
    })
  doc.actionItems.forEach((item, index) => {
    if (!item.ownerId) missing[`actionItems.${index}.ownerId`] = 'ownerRequired'
  })
  return missing
}

/** DRAFT → IN_REVIEW → PUBLISHED (and back to draft from review). Publishing stores a revision. */
export async function changePostmortemStatus({
  actor,
  number,
  to,
}: {
  actor: Actor
  number: number
  to: PostmortemStatus
}): Promise<Result<{ status: PostmortemStatus }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const result = await db.$transaction(async (tx) => {
    // Locks the row, so a concurrent save or transition waits for this one.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Postmortem" WHERE number = ${number} FOR UPDATE`
    if (!locked[0]) return err('NOT_FOUND')
    const row = await tx.postmortem.findUniqueOrThrow({ where: { number }, include: documentInclude })
    if (!canMovePostmortem(row.status, to)) return err('INVALID_STATE', { message: `${row.status}→${to}` })
    const document = toDocument(row)
    if (needsComplete(to)) {
      const missing = missingForReview(document)
      if (Object.keys(missing).length) return err('INVALID_STATE', { fields: missing })
    }
    await tx.postmortem.update({
      where: { id: row.id },
      data: { status: to, ...(isPublic(to) ? { publishedAt: new Date() } : {}) },
    })
    if (keepsRevisions(to))
      await recordRevision(tx, {
        postmortemId: row.id,
        version: row.version,
        authorId: actor.id,
        snapshot: { status: to, document },
        coalesce: false,
      })
    if (to === 'PUBLISHED' || row.status === 'IN_REVIEW')
      await recordAuditEvent(
        {
          actor,
          action: to === 'PUBLISHED' ? 'postmortem-published' : 'postmortem-sent-back',
          target: `postmortem:${number}`,
          detail: row.title,
        },
        tx,
      )
    if (to === 'IN_REVIEW' || to === 'PUBLISHED')
      await emitPostmortemStatusEvent(tx, { actor, postmortemId: row.id, to })
    return ok({ status: to })
  })
  if (result.ok) kickDeliveries()
  if (result.ok && to === 'PUBLISHED') kickRepeats()
  return result
}
