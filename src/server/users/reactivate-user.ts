import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { findMember } from './members'
import type { MemberInput } from './schemas'

/**
 * An admin lets a deactivated member sign in again with their old password; the API tokens
 * they created answer again (revoke them to stop them for good). A removed member cannot
 * come back: invite them anew.
 */
export async function reactivateUser({
  actor,
  input,
}: {
  actor: Actor
  input: MemberInput
}): Promise<Result<{ name: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const user = await findMember(tx, input.userId)
    if (!user) return err('NOT_FOUND')
    if (!user.deactivatedAt) return ok({ name: user.name })
    await tx.user.update({ where: { id: input.userId }, data: { deactivatedAt: null } })
    await recordAuditEvent({ actor, action: 'user-reactivated', target: `user:${user.email}` }, tx)
    return ok({ name: user.name })
  })
}
