import 'server-only'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import type { DuePoliciesInput } from './schemas'

/**
 * Admins set every severity's policy at once. A new policy applies to items saved from now on
 * (an item's due date, once written, stays: decision 021).
 */
export async function setDuePolicies({
  actor,
  input,
}: {
  actor: Actor
  input: DuePoliciesInput
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  await db.$transaction(async (tx) => {
    for (const { severity, dueDays, evidenceRequired } of input)
      await tx.duePolicy.upsert({
        where: { severity },
        create: { severity, dueDays, evidenceRequired, updatedById: actor.id },
        update: { dueDays, evidenceRequired, updatedById: actor.id },
      })
  })
  return ok(null)
}
