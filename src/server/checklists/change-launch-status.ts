import 'server-only'
import { hasRole, type Actor } from '../roles'
import { getLaunchReview } from './launch-review'
import { unowned } from './readiness'
import type { LaunchStatusInput } from './schemas'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { canMoveLaunch } from '../launches/launch-status'
import { kickDeliveries } from '../notifications/worker'
import { notifyReviewStarted } from './review-notifications'

/**
 * Moves a launch along PLANNED → IN_REVIEW → LAUNCHED. The review starts only when every
 * check has its one owner; LAUNCHED needs a ready checklist, unless an admin overrides it
 * with a reason, which is kept with the admin's name. It lives beside the review it reads
 * (launch-review.ts): checklists read a launch's life (launches/), never the other way.
 */
export async function changeLaunchStatus({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: LaunchStatusInput
}): Promise<Result<null>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const launch = await db.launch.findUnique({ where: { slug }, select: { id: true, status: true } })
  if (!launch) return err('NOT_FOUND')
  if (!canMoveLaunch(launch.status, input.to)) return err('INVALID_STATE', { message: 'transition' })
  const { checks, readiness } = await getLaunchReview({ actor, launchId: launch.id })
  let override: { overrideReason: string; overrideById: string } | null = null
  if (input.to === 'IN_REVIEW') {
    if (!checks.length) return err('INVALID_STATE', { message: 'noChecks' })
    if (unowned(checks).length) return err('INVALID_STATE', { message: 'ownersMissing' })
  }
  if (input.to === 'LAUNCHED' && !readiness.ready) {
    if (!hasRole(actor, 'ADMIN')) return err('INVALID_STATE', { message: 'notReady' })
    if (!input.reason) return err('INVALID_INPUT', { fields: { reason: 'overrideReasonRequired' } })
    override = { overrideReason: input.reason, overrideById: actor.id }
  }
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.launch.updateMany({
      where: { id: launch.id, status: launch.status },
      data: {
        status: input.to,
        ...(input.to === 'LAUNCHED' ? { launchedAt: new Date(), ...override } : {}),
      },
    })
    if (count && input.to === 'IN_REVIEW') await notifyReviewStarted(tx, actor, launch.id)
    return count
  })
  if (!count) return err('CONFLICT')
  kickDeliveries()
  if (override)
    await recordAuditEvent({
      actor,
      action: 'launch-overridden',
      target: `launch:${slug}`,
      detail: input.reason,
    })
  return ok(null)
}
