import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'

/** Postmortems in review, longest waiting first: what an editor can publish or send back. */
export async function findAwaitingReview({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'EDITOR')) return []
  return db.postmortem.findMany({
    where: { status: 'IN_REVIEW' },
    orderBy: { updatedAt: 'asc' },
    take: 100,
    select: { number: true, title: true, updatedAt: true, updatedBy: { select: { name: true } } },
  })
}
