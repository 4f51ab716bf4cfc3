import 'server-only'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { documentInclude, toDocument } from './document'
import { loadDuePolicy } from './find-due-policies'
import { hasEvidence, isOpenStatus } from './follow-through'
import { keepsRevisions } from './postmortem-status'
import { recordRevision } from './revisions'
import type { CloseActionItemInput } from './schemas'

/**
 * Closes an open action item: DONE (with a link or a before → after figure when its
 * postmortem's severity policy requires evidence) or "won't do" (CANCELLED) with a reason
 * (decision 021). The postmortem's version moves on, so an editor still holding the item open
 * gets a conflict instead of reopening it with its next save.
 */
export async function closeActionItem({
  actor,
  id,
  input,
  now = new Date(),
}: {
  actor: Actor
  id: string
  input: CloseActionItemInput
  now?: Date
}): Promise<Result<{ number: number; status: 'DONE' | 'CANCELLED' }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const item = await tx.actionItem.findUnique({
      where: { id },
      select: { status: true, postmortem: { select: { id: true, number: true, severity: true } } },
    })
    if (!item) return err('NOT_FOUND')
    // Locks the postmortem, so a concurrent save or closing waits for this one.
    await tx.$queryRaw`SELECT id FROM "Postmortem" WHERE id = ${item.postmortem.id} FOR UPDATE`
    const current = await tx.actionItem.findUniqueOrThrow({ where: { id }, select: { status: true } })
    if (!isOpenStatus(current.status)) return err('INVALID_STATE', { message: 'alreadyClosed' })

    const done = input.outcome === 'DONE'
    const evidence = done
      ? { link: input.evidenceLink, before: input.evidenceBefore, after: input.evidenceAfter }
      : { link: null, before: null, after: null }
    if (
      done &&
      (await loadDuePolicy(tx, item.postmortem.severity)).evidenceRequired &&
      !hasEvidence(evidence)
    )
      return err('INVALID_INPUT', {
        message: 'evidenceRequired',
        fields: { evidenceLink: 'closeEvidenceRequired' },
      })

    const status = done ? 'DONE' : 'CANCELLED'
    await tx.actionItem.update({
      where: { id },
      data: {
        status,
        doneAt: done ? now : null,
        evidenceLink: evidence.link,
        evidenceBefore: evidence.before,
        evidenceAfter: evidence.after,
        wontDoReason: done ? null : input.reason,
        closedById: actor.id,
        closedAt: now,
      },
    })
    const row = await tx.postmortem.update({
      where: { id: item.postmortem.id },
      data: { version: { increment: 1 }, updatedById: actor.id },
      include: documentInclude,
    })
    if (keepsRevisions(row.status))
      await recordRevision(tx, {
        postmortemId: row.id,
        version: row.version,
        authorId: actor.id,
        snapshot: { status: row.status, document: toDocument(row) },
        coalesce: true,
      })
    return ok({ number: row.number, status })
  })
}
