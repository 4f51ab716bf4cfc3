import 'server-only'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import { hashPassword, insertAccount } from './create-account'
import type { CreateAccountInput } from './schemas'

/** Arbitrary constant: serializes the ways an admin is made without an admin, so that exactly one is. */
const SETUP_LOCK_KEY = 7_240_512_002

type Admin = { id: string; name: string; email: string; role: 'ADMIN' }

/**
 * An admin made without an admin's say, under one lock: `allowed` is read again inside it, so
 * that of two racing attempts only one passes. The audit entry names how (`detail`).
 */
export async function createAdminUnderSetupLock(
  input: CreateAccountInput,
  { allowed, refusal, detail }: { allowed: (tx: Tx) => Promise<boolean>; refusal: string; detail: string },
): Promise<Result<Admin>> {
  const hash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`
    if (!(await allowed(tx))) return err('INVALID_STATE', { message: refusal })
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      return err('CONFLICT', { fields: { email: 'emailTaken' } })
    const user = await insertAccount(tx, { ...input, role: 'ADMIN' }, hash)
    await recordAuditEvent({ actor: user, action: 'user-created', target: `user:${user.email}`, detail }, tx)
    return ok({ ...user, role: 'ADMIN' as const })
  })
}

/** First-run setup: the first account of an empty database becomes its admin. */
export async function createFirstAdmin({
  input,
}: {
  input: CreateAccountInput
}): Promise<Result<{ id: string }>> {
  const made = await createAdminUnderSetupLock(input, {
    allowed: async (tx) => (await tx.user.count()) === 0,
    refusal: 'Setup is already done.',
    detail: 'ADMIN (first run)',
  })
  return made.ok ? ok({ id: made.data.id }) : made
}
