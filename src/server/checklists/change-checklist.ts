import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { checklistOpen, checksJudged, type LaunchStatus } from '../launches/launch-status'
import { err, type Result } from '../result'
import { kickDeliveries } from '../notifications/worker'
import { notifyReviewChange } from './review-notifications'

/*
 * The transaction helpers of the use cases that change a launch's checklist (add-*-check(s),
 * remove-check, assign-owner, set-*, pull-newer-wording); not for pages. A launch's checklist:
 * snapshots of template items (later template edits never change a launch silently) plus
 * ad-hoc checks. Editors build it while the launch is PLANNED or in
 * review; statuses and sub-checks change only in review; a launched or cancelled launch is
 * frozen. Viewers change nothing.
 */

/** Runs a change to a launch's checklist while the launch is open (planned or in review). */
export async function changeLaunch<T>(
  actor: Actor,
  slug: string,
  change: (tx: Tx, launch: { id: string }) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const result = await db.$transaction(async (tx) => {
    const launch = await tx.launch.findUnique({ where: { slug }, select: { id: true, status: true } })
    if (!launch) return err('NOT_FOUND')
    if (!checklistOpen(launch.status)) return err('INVALID_STATE', { message: 'launchClosed' })
    const changed = await change(tx, launch)
    if (changed.ok) await notifyReviewChange(tx, actor, launch.id)
    return changed
  })
  if (result.ok) kickDeliveries()
  return result
}

/** Runs a change to one check after the role and launch-state rules. */
export async function changeCheck<T>(
  actor: Actor,
  checkId: string,
  allows: (status: LaunchStatus) => boolean,
  change: (tx: Tx, check: { id: string; launchId: string; status: string }) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const result = await db.$transaction(async (tx) => {
    const check = await tx.launchCheck.findUnique({
      where: { id: checkId },
      select: { id: true, launchId: true, status: true, launch: { select: { status: true } } },
    })
    if (!check) return err('NOT_FOUND')
    if (!allows(check.launch.status))
      return err('INVALID_STATE', {
        message:
          checklistOpen(check.launch.status) && !checksJudged(check.launch.status)
            ? 'reviewNotStarted'
            : 'launchClosed',
      })
    const changed = await change(tx, check)
    if (changed.ok) await notifyReviewChange(tx, actor, check.launchId)
    return changed
  })
  if (result.ok) kickDeliveries()
  return result
}

export async function nextPosition(tx: Tx, launchId: string) {
  return tx.launchCheck.count({ where: { launchId } })
}
