import 'server-only'
import { hasRole, type Actor } from '../roles'
import { forgetAccountFailures } from '../auth/sign-in-limits'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { UnlockSignInInput } from './schemas'

/** Admins let an account sign in again at once: its failed sign-ins from every address are forgotten. */
export async function unlockSignIn({
  actor,
  input,
}: {
  actor: Actor
  input: UnlockSignInInput
}): Promise<Result<{ name: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { name: true, email: true } })
  if (!user) return err('NOT_FOUND')
  await forgetAccountFailures(user.email)
  await recordAuditEvent({ actor, action: 'sign-in-unlocked', target: `user:${user.email}` })
  return ok({ name: user.name })
}
