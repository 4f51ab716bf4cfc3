import 'server-only'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hashPassword, insertAccount } from './create-account'
import type { CreateAccountInput } from './schemas'

/** Arbitrary constant: serializes first-run setups (and admin recoveries) so that exactly one becomes admin. */
export const SETUP_LOCK_KEY = 7_240_512_002

/** First-run setup: the first account of an empty database becomes its admin. */
export async function createFirstAdmin({
  input,
}: {
  input: CreateAccountInput
}): Promise<Result<{ id: string }>> {
  const hash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`
    if ((await tx.user.count()) > 0) return err('INVALID_STATE', { message: 'Setup is already done.' })
    const user = await insertAccount(tx, { ...input, role: 'ADMIN' }, hash)
    await recordAuditEvent(
      { actor: user, action: 'user-created', target: `user:${user.email}`, detail: 'ADMIN (first run)' },
      tx,
    )
    return ok({ id: user.id })
  })
}
