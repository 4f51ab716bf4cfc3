import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { expireAccountLinks } from './account-links'
import { findMember, isLastActiveAdmin } from './members'
import type { MemberInput } from './schemas'

/**
 * An admin stops a member at once: sign-in is refused (auth.ts), their sessions are deleted
 * and refused (current-user.ts), the API tokens they created stop answering (api-tokens.ts),
 * their unused links expire. Nothing they wrote changes. Never oneself, never the last
 * active admin (someone must be able to undo it).
 */
export async function deactivateUser({
  actor,
  input,
}: {
  actor: Actor
  input: MemberInput
}): Promise<Result<{ name: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  if (input.userId === actor.id) return err('INVALID_STATE', { message: 'notYourself' })
  return db.$transaction(async (tx) => {
    const user = await findMember(tx, input.userId)
    if (!user) return err('NOT_FOUND')
    if (user.deactivatedAt) return ok({ name: user.name })
    if (await isLastActiveAdmin(tx, input.userId)) return err('INVALID_STATE', { message: 'lastAdmin' })
    const now = new Date()
    await tx.user.update({ where: { id: input.userId }, data: { deactivatedAt: now } })
    const sessions = await tx.session.deleteMany({ where: { userId: input.userId } })
    await expireAccountLinks(tx, input.userId, now)
    await recordAuditEvent(
      {
        actor,
        action: 'user-deactivated',
        target: `user:${user.email}`,
        detail: `${sessions.count} sessions ended`,
      },
      tx,
    )
    return ok({ name: user.name })
  })
}
