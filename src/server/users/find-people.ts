import 'server-only'
import { db } from '../db'

/** Everyone who can own an action item, or with `editors` a check (who must be able to tick it). */
export async function findPeople({ editors = false } = {}) {
  return db.user.findMany({
    where: editors ? { role: { in: ['EDITOR', 'ADMIN'] } } : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
    take: 1000,
  })
}
