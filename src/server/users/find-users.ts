import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'

export async function findUsers({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const users = await db.user.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    take: 500,
  })
  return ok(users) satisfies Result<typeof users>
}
