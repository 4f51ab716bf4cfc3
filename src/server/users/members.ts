import 'server-only'
import type { Tx } from '../db'

/**
 * The active admins, locked until the transaction ends: two concurrent demotions,
 * deactivations or removals cannot both pass a "not the last active admin" check.
 */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND "deactivatedAt" IS NULL FOR UPDATE`
  return rows.map((row) => row.id)
}

/** Would taking `userId` out of the active admins leave none? */
export async function isLastActiveAdmin(tx: Tx, userId: string): Promise<boolean> {
  const admins = await lockActiveAdmins(tx)
  return admins.includes(userId) && admins.length <= 1
}

/** A member the admin acts on: anyone not removed (a removed member is gone for good). */
export async function findMember(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, deactivatedAt: true, removedAt: true },
  })
  return user && !user.removedAt ? user : null
}
