import 'server-only'
import type { Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { err, ok, type Result } from '../result'
import { changeLaunch } from './change-checklist'
import { dismissProposalInput } from './schemas'

/**
 * Dismisses a proposed checklist item or past incident for one launch, with a short reason
 * (required): it is no longer proposed there, and the insights' loop counts it (decision 026).
 */
export async function dismissProposal({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: unknown
}): Promise<Result<{ id: string }>> {
  const parsed = dismissProposalInput.safeParse(input)
  if (!parsed.success)
    return err('INVALID_INPUT', {
      message: parsed.error.issues[0]?.message,
      fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'reason'), i.message])),
    })
  const { checklistItemId, postmortemNumber, reason } = parsed.data
  return changeLaunch(actor, slug, async (tx, launch) => {
    let target: { checklistItemId: string } | { postmortemId: string }
    let what: string
    if (checklistItemId) {
      const item = await tx.checklistItem.findUnique({
        where: { id: checklistItemId },
        select: { id: true, text: true },
      })
      if (!item) return err('NOT_FOUND')
      target = { checklistItemId: item.id }
      what = `item "${item.text}"`
    } else {
      const pm = await tx.postmortem.findFirst({
        where: { number: postmortemNumber, status: 'PUBLISHED' },
        select: { id: true, number: true },
      })
      if (!pm) return err('NOT_FOUND')
      target = { postmortemId: pm.id }
      what = `postmortem #${pm.number}`
    }
    const existing = await tx.launchProposalDismissal.findFirst({
      where: { launchId: launch.id, ...target },
      select: { id: true },
    })
    if (existing) return err('CONFLICT', { message: 'alreadyDismissed' })
    const { id } = await tx.launchProposalDismissal.create({
      data: { launchId: launch.id, ...target, reason, byId: actor.id },
    })
    await recordAuditEvent(
      { actor, action: 'launch-proposal-dismissed', target: `launch:${slug}`, detail: `${what}: ${reason}` },
      tx,
    )
    return ok({ id })
  })
}
