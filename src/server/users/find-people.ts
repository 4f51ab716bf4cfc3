import 'server-only'
import { db } from '../db'

/** Everyone who can own an action item or a check: id and name only. */
export async function findPeople() {
  return db.user.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
    take: 1000,
  })
}
