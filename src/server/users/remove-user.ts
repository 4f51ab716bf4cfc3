import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { forgetAccountFailures } from '../auth/sign-in-limits'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { findMember, isLastActiveAdmin } from './members'
import type { MemberInput } from './schemas'

/** The address a removed account keeps: unique, never deliverable (.invalid, RFC 2606). */
export const removedEmail = (userId: string) => `removed-${userId}@removed.invalid`

/**
 * An admin removes a member for good, keeping what they wrote readable (decision 014): the
 * row stays with its name, so postmortems, revisions, action items and checks still name
 * them, but the e-mail is replaced (and free for a new account), credentials, sessions,
 * links and their API tokens are gone, and the account can never sign in again. Never
 * oneself, never the last active admin.
 */
export async function removeUser({
  actor,
  input,
}: {
  actor: Actor
  input: MemberInput
}): Promise<Result<{ name: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  if (input.userId === actor.id) return err('INVALID_STATE', { message: 'notYourself' })
  const result = await db.$transaction(async (tx) => {
    const user = await findMember(tx, input.userId)
    if (!user) return err('NOT_FOUND')
    if (await isLastActiveAdmin(tx, user.id)) return err('INVALID_STATE', { message: 'lastAdmin' })
    const now = new Date()
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: removedEmail(user.id),
        emailVerified: false,
        image: null,
        role: 'VIEWER',
        deactivatedAt: user.deactivatedAt ?? now,
        removedAt: now,
      },
    })
    await tx.account.deleteMany({ where: { userId: user.id } })
    await tx.session.deleteMany({ where: { userId: user.id } })
    await tx.accountLink.deleteMany({ where: { userId: user.id } })
    await tx.apiToken.updateMany({
      where: { createdById: user.id, revokedAt: null },
      data: { revokedAt: now },
    })
    // The audit log keeps the old address: it records who was removed (AUDIT_RETENTION_DAYS).
    await recordAuditEvent({ actor, action: 'user-removed', target: `user:${user.email}` }, tx)
    return ok({ name: user.name, email: user.email })
  })
  if (!result.ok) return result
  await forgetAccountFailures(result.data.email)
  return ok({ name: result.data.name })
}
