import 'server-only'
import { auth } from '../auth/auth'
import { createRateLimiter } from '../auth/rate-limit'
import type { Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hashPassword } from './create-account'
import type { ChangeOwnPasswordInput } from './schemas'

/** Wrong current passwords, per account: a stolen session cannot guess its way to the password. */
const currentPasswordChecks = createRateLimiter({ name: 'password-check', max: 5, windowMs: 15 * 60_000 })

/**
 * Anyone signed in changes their password: the current one first, then the app's rules
 * (schemas.ts). Every other session of the account ends; `sessionId`, the browser's own,
 * stays (and proves a browser session: an API token never changes a password).
 */
export async function changeOwnPassword({
  actor,
  input,
  sessionId,
}: {
  actor: Actor
  input: ChangeOwnPasswordInput
  sessionId: string | null
}): Promise<Result<{ sessionsEnded: number }>> {
  if (!sessionId) return err('UNAUTHENTICATED')
  const credential = await db.account.findFirst({
    where: { userId: actor.id, providerId: 'credential' },
    select: { id: true, password: true },
  })
  if (!credential?.password) return err('INVALID_STATE', { message: 'noPassword' })
  const wait = await currentPasswordChecks.hit(actor.id)
  if (wait > 0) return err('RATE_LIMITED', { message: String(wait) })
  const { password } = await auth.$context
  if (!(await password.verify({ hash: credential.password, password: input.currentPassword })))
    return err('INVALID_INPUT', { fields: { currentPassword: 'wrongPassword' } })
  await currentPasswordChecks.reset(actor.id)
  const newHash = await hashPassword(input.newPassword)
  return db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: credential.id }, data: { password: newHash } })
    const { count } = await tx.session.deleteMany({ where: { userId: actor.id, id: { not: sessionId } } })
    await recordAuditEvent(
      {
        actor,
        action: 'password-changed',
        target: `user:${actor.email}`,
        detail: `${count} other sessions ended`,
      },
      tx,
    )
    return ok({ sessionsEnded: count })
  })
}
