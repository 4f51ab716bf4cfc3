import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { contentLanguageOf } from './content-language'

/** Postmortems in review, longest waiting first: what an editor can publish or send back. */
export async function findAwaitingReview({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'EDITOR')) return []
  const rows = await db.postmortem.findMany({
    where: { status: 'IN_REVIEW' },
    orderBy: { updatedAt: 'asc' },
    take: 100,
    select: {
      number: true,
      title: true,
      language: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  })
  return rows.map((row) => ({ ...row, language: contentLanguageOf(row) }))
}
