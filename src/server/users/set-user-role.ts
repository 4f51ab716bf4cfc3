import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { SetUserRoleInput } from './schemas'

/** Admins change roles; the last admin cannot be demoted (someone must manage users). */
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
      select: { role: true, email: true },
    })
    if (!user) return err('NOT_FOUND')
    if (user.role === 'ADMIN' && input.role !== 'ADMIN') {
      // Lock the admin rows so two concurrent demotions cannot both pass this check.
      const admins = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`
      if (admins.length <= 1) return err('INVALID_STATE', { message: 'LAST_ADMIN' })
    }
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
