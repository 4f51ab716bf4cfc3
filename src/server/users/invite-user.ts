import 'server-only'
import { randomUUID } from 'node:crypto'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { issueAccountLink } from './account-links'
import type { AccountLinkKind } from './account-link-rules'
import type { InviteUserInput } from './schemas'

export type IssuedLink = { kind: AccountLinkKind; token: string; expiresAt: Date; name: string }

/**
 * An admin adds someone without choosing their password: the account exists at once (it can
 * own action items), and the person sets a password through the one-time link the admin
 * passes on.
 */
export async function inviteUser({
  actor,
  input,
}: {
  actor: Actor
  input: InviteUserInput
}): Promise<Result<IssuedLink & { id: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      return err('CONFLICT', { fields: { email: 'emailTaken' } })
    const user = await tx.user.create({
      data: { id: randomUUID(), name: input.name, email: input.email, role: input.role },
      select: { id: true, name: true, email: true, role: true },
    })
    const link = await issueAccountLink(tx, { userId: user.id, kind: 'INVITE' })
    await recordAuditEvent(
      { actor, action: 'user-invited', target: `user:${user.email}`, detail: user.role },
      tx,
    )
    return ok({ id: user.id, name: user.name, kind: 'INVITE' as const, ...link })
  })
}
