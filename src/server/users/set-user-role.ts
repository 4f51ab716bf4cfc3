import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { isLastActiveAdmin } from './members'
import type { SetUserRoleInput } from './schemas'

/** Admins change roles; the last active admin cannot be demoted (someone must manage users). */
export async function setUserRole({
  actor,
  input,
}: {
  actor: Actor
  input: SetUserRoleInput
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, email: true, removedAt: true },
    })
    if (!user || user.removedAt) return err('NOT_FOUND')
    // Locked, so two concurrent demotions cannot both pass; a deactivated admin does not count.
    if (input.role !== 'ADMIN' && (await isLastActiveAdmin(tx, input.userId)))
      return err('INVALID_STATE', { message: 'LAST_ADMIN' })
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } })
    if (user.role !== input.role)
      await recordAuditEvent(
        {
          actor,
          action: 'role-changed',
          target: `user:${user.email}`,
          detail: `${user.role} → ${input.role}`,
        },
        tx,
      )
    return ok(null)
  })
}
