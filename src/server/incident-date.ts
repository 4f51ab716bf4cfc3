import 'server-only'
import { Prisma } from '@/generated/prisma/client'

/*
 * When an incident happened, for periods (the insights page, the list's and search's from/to
 * filters) and for search's order past the cap: when it occurred, else when it was detected,
 * else when its postmortem was written. Every postmortem has one, so a period filter or a chart
 * per month never drops an incident because a time is missing (docs/decisions/020-insights.md).
 * Postgres keeps it in the generated column `incidentAt`, whose definition is the rule's one
 * home (migration 20261207140000_incident_at_column); the index `Postmortem_incident_date_idx`
 * holds it, newest first: a period's range, and the newest matches of a search, are read from
 * there (decisions 068 and 069).
 */

/** The incident date of postmortem `alias` as SQL text. */
export const incidentDateOf = (alias = 'p') => `${alias}."incidentAt"`

/** The incident date of postmortem `p` in SQL. */
export const incidentDateSql = (alias = 'p') => Prisma.raw(incidentDateOf(alias))

/** First and last day, inclusive, in UTC ("YYYY-MM-DD"): the incident date within them, as a Prisma filter. */
export function incidentDateWhere({ from, to }: { from?: string; to?: string }): Prisma.PostmortemWhereInput {
  if (!from && !to) return {}
  const range = {
    ...(from ? { gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000) } : {}),
  }
  return { incidentAt: range }
}
