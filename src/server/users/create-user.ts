import 'server-only'
import { hasRole, type Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hashPassword, insertAccount } from './create-account'
import type { CreateUserInput } from './schemas'

export async function createUser({
  actor,
  input,
}: {
  actor: Actor
  input: CreateUserInput
}): Promise<Result<{ id: string; name: string; email: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const hash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      return err('CONFLICT', { fields: { email: 'emailTaken' } })
    const user = await insertAccount(tx, input, hash)
    await recordAuditEvent(
      { actor, action: 'user-created', target: `user:${user.email}`, detail: user.role },
      tx,
    )
    return ok(user)
  })
}
