import 'server-only'
import { hasRole, type Actor } from '../roles'
import { checklistOpen } from '../launches/launch-status'
import { err, ok, type Result } from '../result'
import { changeCheck } from './change-checklist'

/** Exactly one owner per check, who can tick it (an editor or admin). */
export async function assignOwner({
  actor,
  checkId,
  ownerId,
}: {
  actor: Actor
  checkId: string
  ownerId: string
}): Promise<Result<null>> {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { role: true } })
    if (!owner) return err('INVALID_INPUT', { fields: { ownerId: 'unknownUser' } })
    if (!hasRole(owner, 'EDITOR')) return err('INVALID_INPUT', { fields: { ownerId: 'ownerMustEdit' } })
    await tx.launchCheck.update({ where: { id: check.id }, data: { ownerId } })
    return ok(null)
  })
}
