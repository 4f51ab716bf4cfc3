import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache } from '../data-version-cache'

/**
 * Everyone who can own an action item, or with `editors` a check (who must be able to tick
 * it). Deactivated and removed members are offered only where they already own one, so that
 * an editor's owner choice still shows them (and saving does not drop them).
 */
export async function findPeople({ actor, editors = false }: { actor: Actor; editors?: boolean }) {
  // Only those who assign owners need the list.
  if (!hasRole(actor, 'EDITOR')) return []
  return keptPeople(String(editors), () => readPeople(editors))
}

type Person = { id: string; name: string }
const keptPeople = dataVersionCache<Person[]>('people', { maxEntries: 2 })

function readPeople(editors: boolean): Promise<Person[]> {
  return db.user.findMany({
    where: {
      OR: [
        { deactivatedAt: null, ...(editors ? { role: { in: ['EDITOR', 'ADMIN'] } } : {}) },
        editors ? { ownedChecks: { some: {} } } : { ownedActionItems: { some: {} } },
      ],
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
    take: 1000,
  })
}
