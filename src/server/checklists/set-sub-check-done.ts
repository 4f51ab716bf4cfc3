import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { checksJudged } from '../launches/launch-status'
import { err, ok, type Result } from '../result'
import { changeCheck } from './change-checklist'

/** Ticks or unticks a sub-check; unticking one under a passed check reopens the check. */
export async function setSubCheckDone({
  actor,
  subCheckId,
  done,
}: {
  actor: Actor
  subCheckId: string
  done: boolean
}): Promise<Result<{ done: number; total: number }>> {
  const sub = await db.launchSubCheck.findUnique({ where: { id: subCheckId }, select: { checkId: true } })
  if (!sub) return err('NOT_FOUND')
  return changeCheck(actor, sub.checkId, checksJudged, async (tx, check) => {
    await tx.launchSubCheck.update({
      where: { id: subCheckId },
      data: done ? { done, doneById: actor.id, doneAt: new Date() } : { done, doneById: null, doneAt: null },
    })
    if (!done && check.status === 'PASS')
      await tx.launchCheck.update({
        where: { id: check.id },
        data: { status: 'PENDING', checkedById: null, checkedAt: null },
      })
    const [total, doneCount] = await Promise.all([
      tx.launchSubCheck.count({ where: { checkId: check.id } }),
      tx.launchSubCheck.count({ where: { checkId: check.id, done: true } }),
    ])
    return ok({ done: doneCount, total })
  })
}
