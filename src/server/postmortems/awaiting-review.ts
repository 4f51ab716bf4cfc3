import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { contentLanguageOf } from './content-language'

/**
 * Postmortems in review, longest waiting first: what an editor can publish or send back. The
 * first `limit` of them, and how many there are.
 */
export async function findAwaitingReview({ actor, limit }: { actor: Actor; limit: number }) {
  if (!hasRole(actor, 'EDITOR')) return { rows: [], total: 0 }
  const where = { status: 'IN_REVIEW' as const }
  const [rows, total] = await Promise.all([
    db.postmortem.findMany({
      where,
      orderBy: { updatedAt: 'asc' },
      take: limit,
      select: {
        number: true,
        title: true,
        language: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    }),
    db.postmortem.count({ where }),
  ])
  return { rows: rows.map((row) => ({ ...row, language: contentLanguageOf(row) })), total }
}
