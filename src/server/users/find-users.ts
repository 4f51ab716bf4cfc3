import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { countRecentFailures } from '../auth/sign-in-limits'
import { db } from '../db'
import { err, ok, type Result } from '../result'

export async function findUsers({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const users = await db.user.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    take: 500,
  })
  const failures = await countRecentFailures(users.map((user) => user.email))
  const withFailures = users.map((user) => ({
    ...user,
    /** Failed sign-ins within the hour: an admin may unlock the account. */
    failedSignIns: failures.get(user.email.toLowerCase()) ?? 0,
  }))
  return ok(withFailures) satisfies Result<typeof withFailures>
}
