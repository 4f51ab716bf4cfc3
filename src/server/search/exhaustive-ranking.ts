import 'server-only'
import { db } from '../db'
import { CANDIDATE_CAP, CLASS_ORDER, matchClasses } from './match-classes'
import { scopeVectors, type QueryForms, type Scope } from './query-forms'

/**
 * The order search promises, computed the slow way over every match (match-classes.ts): up to
 * the cap, tiers as typed, corrected, other language, within a tier by ts_rank_cd over the whole
 * document, then newest first; past it, by class, then by the incident's date. The benchmark
 * reports how far the search's page is from it, and a test checks that the two agree.
 */
export async function rankEveryMatch(
  forms: QueryForms,
  { scope = 'all', limit = 20 }: { scope?: Scope; limit?: number } = {},
): Promise<string[]> {
  const vector = `p."${scopeVectors[scope]}"`
  const [{ count }] = await db.$queryRawUnsafe<[{ count: number }]>(
    `SELECT count(*)::int AS count FROM "Postmortem" p WHERE ${vector} @@ $1::tsquery`,
    forms.any,
  )
  if (count > CANDIDATE_CAP) {
    const classes = matchClasses(forms, scope, 'relevance')
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT p.id FROM "Postmortem" p WHERE ${vector} @@ $1::tsquery
       ORDER BY CASE ${classes.map((c, i) => `WHEN ${c.field} @@ $${i + 3}::tsquery THEN ${i}`).join(' ')} END,
         ${CLASS_ORDER}
       LIMIT $2`,
      forms.any,
      limit,
      ...classes.map((c) => c.query),
    )
    return rows.map((r) => r.id)
  }
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
