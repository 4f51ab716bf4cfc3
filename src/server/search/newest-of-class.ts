import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import { CLASS_ORDER } from './match-classes'

/*
 * The newest matches of one class of a search past the cap (match-classes.ts, decision 038).
 * How to find them depends on how many postmortems the class holds, which the planner cannot
 * tell: it estimates a word no postmortem holds, or a phrase, as if a few (or a few thousand)
 * did. A wrong guess costs seconds on a million postmortems: walking the date index for a class
 * that holds nothing reads the whole table (a mistyped word: 15 s), and gathering every match of
 * a common phrase through the word index rechecks tens of thousands.
 */

/** How the steps are bounded (the defaults; a test runs them smaller). */
export type ClassBounds = {
  /**
   * Step 1 reads the newest this many postmortems, or one in `share` of them all when that is
   * more: a class must hold one in `recent / limit` of the newest to be found there.
   */
  recent: number
  share: number
  /** Step 2 sorts every match when there are at most this many. */
  few: number
}
export const CLASS_BOUNDS: ClassBounds = { recent: 300, share: 500, few: 2_000 }

const OCCURRED = Prisma.raw('COALESCE(p."occurredAt", p."createdAt")')

/**
 * The first `limit` postmortems of a class (`field @@ query`, with the other conditions `rest`
 * on `p` and `l`) in class order:
 *   1. the newest postmortems, read by the date index: enough when the class is common;
 *   2. else every match, read by the word index, when there are at most `few`: sorted by date;
 *   3. else the date index walked until the page is full: with more than `few` matches in all,
 *      the walk meets one every N / few postmortems or sooner.
 * Each step is exact: step 1 reads the first postmortems in class order, so a match it
 * misses comes after all it found.
 */
export async function newestOfClass({
  field,
  query,
  rest,
  limit,
  bounds = CLASS_BOUNDS,
}: {
  /** A tsvector column of `p` (fixed SQL). */
  field: Prisma.Sql
  /** A tsquery. */
  query: string
  rest: Prisma.Sql
  limit: number
  bounds?: ClassBounds
}): Promise<string[]> {
  const from = Prisma.sql`FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"`
  const order = Prisma.raw(CLASS_ORDER)
  // One statement (a round trip costs the embedded database milliseconds): each step's
  // condition on the one before is a one-time filter, so a step runs only when it is needed.
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH edge AS MATERIALIZED (
      -- The recent-th newest postmortem (none when there are fewer): step 1 reads back to it.
      SELECT ${OCCURRED} AS occurred, p.number FROM "Postmortem" p
      ORDER BY ${order}
      OFFSET greatest(${bounds.recent}, (SELECT reltuples FROM pg_class WHERE oid = '"Postmortem"'::regclass) / ${bounds.share})::int - 1
      LIMIT 1
    ), recent AS MATERIALIZED (
      SELECT p.id, p.number, ${OCCURRED} AS occurred ${from}
      -- By date (the index stops the walk there), then by number: many may share a date.
      -- ts_match_vq is @@ in a form no word index serves: with the index, the planner would
      -- gather every match first (it estimates a phrase to match a handful), then look at dates.
      WHERE ${OCCURRED} >= (SELECT occurred FROM edge)
        AND (${OCCURRED}, p.number) >= (SELECT occurred, number FROM edge)
        AND ts_match_vq(${field}, ${query}::tsquery) AND ${rest}
      ORDER BY ${order}
      LIMIT ${limit}
    ), few AS MATERIALIZED (
      SELECT p.id, p.number, ${OCCURRED} AS occurred ${from}
      WHERE (SELECT count(*) FROM recent) < ${limit} AND ${field} @@ ${query}::tsquery AND ${rest}
      LIMIT ${bounds.few + 1}
    ), walked AS (
      SELECT p.id, p.number, ${OCCURRED} AS occurred ${from}
      WHERE (SELECT count(*) FROM few) > ${bounds.few} AND ${field} @@ ${query}::tsquery AND ${rest}
      ORDER BY ${order}
      LIMIT ${limit}
    ), page AS (
      SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ${limit}
      UNION ALL
      (SELECT * FROM few WHERE (SELECT count(*) FROM few) <= ${bounds.few} ORDER BY occurred DESC, number DESC LIMIT ${limit})
      UNION ALL
      SELECT * FROM walked
    )
    SELECT id FROM page ORDER BY occurred DESC, number DESC`
  return rows.map((r) => r.id)
}
