import 'server-only'
import type { Actor } from '../roles'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { ChangeOwnNameInput } from './schemas'

/**
 * Anyone signed in renames themself (Settings), within the app's name rule. A name another
 * member already uses is refused, so that nobody appears as someone else ("Ada Admin"), and
 * every change is in the audit log. `sessionId` proves a browser session: an API token
 * reads only and never changes its creator's account.
 */
export async function changeOwnName({
  actor,
  input,
  sessionId,
}: {
  actor: Actor
  input: ChangeOwnNameInput
  sessionId: string | null
}): Promise<Result<{ name: string }>> {
  if (!sessionId) return err('UNAUTHENTICATED')
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true } })
    if (!user) return err('NOT_FOUND')
    if (user.name === input.name) return ok({ name: input.name })
    const taken = await tx.user.findFirst({
      where: { id: { not: actor.id }, name: { equals: input.name, mode: 'insensitive' }, removedAt: null },
      select: { id: true },
    })
    if (taken) return err('CONFLICT', { fields: { name: 'nameTaken' } })
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name } })
    await recordAuditEvent(
      {
        actor: { id: actor.id, name: input.name, email: user.email },
        action: 'name-changed',
        target: `user:${user.email}`,
        detail: `${user.name} → ${input.name}`,
      },
      tx,
    )
    return ok({ name: input.name })
  })
}
