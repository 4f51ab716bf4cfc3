import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import { newestWindow, readsNewestFirst } from './newest-of-class'

/** The newest this many postmortems tell a query most postmortems hold from the rest. */
const SAMPLE = 250
/** A fifth of the sample or more: the cap's matches are read in date order. */
const COMMON = 5

/**
 * Up to `cap + 1` postmortems whose `vector` matches `query` under `filters` (on `p` and `l`):
 * every match when there are no more than `cap`, else any `cap + 1`, which tells that the cap is
 * passed (decision 039).
 *
 * Through the word index, planned as if every match were read (decision 037: planned under the
 * LIMIT, a phrase it thinks common is read in table order to the end). On the server, a query
 * that a fifth or more of the newest SAMPLE postmortems hold is first read from the newest,
 * no further than twice as far as that share says `cap + 1` need: those pages are the ones every
 * search reads first, so they are in memory, where the planner would scan the table from its
 * start (36,000 of 100,000 holding `cache`: 21 ms to meet 501 that way, 3 ms from the newest).
 * Only when that read meets no more than `cap` does the index read follow.
 */
export async function matchesToCap({
  vector,
  query,
  filters,
  cap,
}: {
  vector: Prisma.Sql
  query: string
  filters: Prisma.Sql
  cap: number
}): Promise<string[]> {
  const byIndex = Prisma.sql`SELECT p.id FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"
      WHERE ${vector} @@ ${query}::tsquery AND ${filters}`
  if (!readsNewestFirst) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH found AS MATERIALIZED (${byIndex}) SELECT id FROM found LIMIT ${cap + 1}`
    return rows.map((r) => r.id)
  }
  const matching = Prisma.sql`ts_match_vq(${vector}, ${query}::tsquery) AND ${filters}`
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH sample AS MATERIALIZED (
      SELECT count(*)::int AS k FROM ${newestWindow(Prisma.sql`${SAMPLE}`)} WHERE ${matching}
    ), recent AS MATERIALIZED (
      SELECT p.id FROM ${newestWindow(Prisma.sql`(SELECT 2 * ${cap + 1} * ${SAMPLE} / greatest(k, 1) FROM sample)`)}
      WHERE (SELECT k FROM sample) * ${COMMON} >= ${SAMPLE} AND ${matching}
      LIMIT ${cap + 1}
    ), found AS MATERIALIZED (
      ${byIndex} AND (SELECT count(*) FROM recent) <= ${cap}
    )
    SELECT id FROM recent WHERE (SELECT count(*) FROM recent) > ${cap}
    UNION ALL
    (SELECT id FROM found LIMIT ${cap + 1})`
  return rows.map((r) => r.id)
}
