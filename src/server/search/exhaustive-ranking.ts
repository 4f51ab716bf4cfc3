import 'server-only'
import { db } from '../db'
import { scopeVectors, type QueryForms, type Scope } from './query-forms'

/**
 * The ranking search promises, computed the slow way: every match ranked, no cap (tiers as typed,
 * corrected, other language; within a tier by ts_rank_cd over the whole document; then newest
 * first). The benchmark reports how far the search's page is from it; a test checks that the two
 * agree while the matches fit under the cap.
 */
export async function rankEveryMatch(
  forms: QueryForms,
  { scope = 'all', limit = 20 }: { scope?: Scope; limit?: number } = {},
): Promise<string[]> {
  const vector = `p."${scopeVectors[scope]}"`
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT p.id FROM "Postmortem" p WHERE ${vector} @@ $3::tsquery
     ORDER BY CASE WHEN ${vector} @@ $1::tsquery THEN 1 WHEN ${vector} @@ $2::tsquery THEN 2 ELSE 3 END,
       ts_rank_cd(p."searchVector", $3::tsquery) DESC, p."updatedAt" DESC, p.number DESC
     LIMIT $4`,
    forms.exact,
    forms.corrected,
    forms.any,
    limit,
  )
  return rows.map((r) => r.id)
}
