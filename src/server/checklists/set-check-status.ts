import 'server-only'
import type { Actor } from '../roles'
import { checksJudged } from '../launches/launch-status'
import { err, ok, type Result } from '../result'
import type { CheckStatusInput } from './schemas'
import { changeCheck } from './change-checklist'

/** Sets a check's verdict; PASS needs every sub-check done; who and when are recorded. */
export async function setCheckStatus({
  actor,
  checkId,
  input,
}: {
  actor: Actor
  checkId: string
  input: CheckStatusInput
}): Promise<Result<null>> {
  return changeCheck(actor, checkId, checksJudged, async (tx, check) => {
    if (input.status === 'PASS') {
      const open = await tx.launchSubCheck.count({ where: { checkId: check.id, done: false } })
      if (open) return err('INVALID_STATE', { message: 'subChecksOpen', fields: { status: 'subChecksOpen' } })
    }
    const pending = input.status === 'PENDING'
    await tx.launchCheck.update({
      where: { id: check.id },
      data: {
        status: input.status,
        evidence: input.status === 'PASS' || input.status === 'FAIL' ? input.evidence : '',
        waiverReason: input.status === 'WAIVED' || input.status === 'NA' ? input.waiverReason || null : null,
        checkedById: pending ? null : actor.id,
        checkedAt: pending ? null : new Date(),
      },
    })
    return ok(null)
  })
}
