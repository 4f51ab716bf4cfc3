import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { issueAccountLink } from './account-links'
import type { IssuedLink } from './invite-user'
import type { MemberInput } from './schemas'

/**
 * An admin makes a one-time link where a member sets a new password (Hindsight sends no
 * e-mail: the admin passes the link on). Someone who never accepted their invitation gets a
 * new invitation instead. Their sessions end when the link is used, not now: making a link
 * must not sign anyone out.
 */
export async function createResetLink({
  actor,
  input,
}: {
  actor: Actor
  input: MemberInput
}): Promise<Result<IssuedLink>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        id: true,
        name: true,
        email: true,
        deactivatedAt: true,
        removedAt: true,
        _count: { select: { accounts: { where: { providerId: 'credential' } } } },
        accountLinks: { where: { kind: 'INVITE', usedAt: null }, select: { id: true }, take: 1 },
      },
    })
    if (!user || user.removedAt) return err('NOT_FOUND')
    if (user.deactivatedAt) return err('INVALID_STATE', { message: 'deactivated' })
    const kind = user._count.accounts === 0 && user.accountLinks.length > 0 ? 'INVITE' : 'RESET'
    const link = await issueAccountLink(tx, { userId: user.id, kind })
    await recordAuditEvent(
      {
        actor,
        action: kind === 'INVITE' ? 'user-invited' : 'password-reset-link-created',
        target: `user:${user.email}`,
        detail: kind === 'INVITE' ? 'new link' : '',
      },
      tx,
    )
    return ok({ kind, name: user.name, ...link })
  })
}
