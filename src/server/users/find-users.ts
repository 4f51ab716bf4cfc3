import 'server-only'
import { hasRole, type Actor } from '../roles'
import { countRecentFailures } from '../auth/sign-in-limits'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { memberStatus } from './member-status'

export async function findUsers({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const users = await db.user.findMany({
    // Removed members last: they stay only so that what they wrote names them.
    orderBy: [{ removedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      deactivatedAt: true,
      removedAt: true,
      _count: { select: { accounts: { where: { providerId: 'credential' } } } },
      accountLinks: { where: { kind: 'INVITE', usedAt: null }, select: { id: true }, take: 1 },
    },
    take: 500,
  })
  const failures = await countRecentFailures(users.map((user) => user.email))
  const withFailures = users.map(({ _count, accountLinks, ...user }) => ({
    ...user,
    status: memberStatus({
      ...user,
      hasPassword: _count.accounts > 0,
      pendingInvite: accountLinks.length > 0,
    }),
    /** Failed sign-ins within the hour: an admin may unlock the account. */
    failedSignIns: failures.get(user.email.toLowerCase()) ?? 0,
  }))
  return ok(withFailures) satisfies Result<typeof withFailures>
}
