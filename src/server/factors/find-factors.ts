import 'server-only'
import { db } from '../db'
import type { Actor } from '../roles'
import type { Factor } from './schemas'

/**
 * The contributing-factor taxonomy in the admins' order, archived ones last. Every role reads
 * it: the editor offers the active ones, the read page, insights and search name them all.
 */
export async function findFactors({ actor }: { actor: Actor }): Promise<Factor[]> {
  void actor
  const rows = await db.contributingFactor.findMany({
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      _count: { select: { postmortems: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    archived: r.archivedAt !== null,
    uses: r._count.postmortems,
  }))
}

/** The factors a postmortem can be given now (not archived), in the admins' order, by id and name. */
export function activeFactors(): Promise<{ id: string; name: string }[]> {
  return db.contributingFactor.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  })
}
