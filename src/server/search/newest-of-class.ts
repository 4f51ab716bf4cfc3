import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import { databaseTarget } from '../env'
import { incidentDateSql } from '../incident-date'
import { CLASS_ORDER } from './match-classes'
import { tsQueryAlternatives, tsQueryWords } from './tokenize'

/*
 * The newest matches of one class of a search past the cap (match-classes.ts, decisions 038 and
 * 039). How to find them depends on how many postmortems the class holds, which the planner
 * cannot tell: it estimates a word no postmortem holds, or a phrase, as if a few (or a few
 * thousand) did. A wrong guess costs seconds on a million postmortems: walking the date index for
 * a class that holds nothing reads the whole table (a mistyped word: 15 s), and gathering every
 * match of a common phrase through the word index rechecks tens of thousands, each a random read.
 */

/**
 * Whether to read by steps from the newest postmortems (decision 039). The server keeps in its
 * buffers the pages it read last, and a scan of the whole table goes through a small ring of its
 * own that keeps nothing; a wrong guess of the planner costs it seconds at a million. The
 * embedded database holds every page in its process and plans each statement in WebAssembly:
 * one plain statement per class, the planner's choice, cost it a third of the steps on the
 * 10,000 benchmark.
 */
export const readsNewestFirst = databaseTarget().kind === 'postgres'

/** How the steps are bounded (the defaults; a test runs them smaller). */
export type ClassBounds = {
  /**
   * Step 1 reads the newest this many postmortems, or one in `share` of them all when that is
   * more: a class must hold one in `recent / limit` of the newest to be found there.
   */
  recent: number
  share: number
  /**
   * Step 3 sorts every match when there are at most F = max(`few`, √(limit × N × `walkCost`)),
   * where `walkCost` is what reading a postmortem in date order costs against reading a match
   * through the word index (100,000 postmortems: 4–6 against 9 µs, the phrase rechecked in its
   * row). F balances the two worst cases: F matches read through the index, or the walk of
   * step 4 meeting one match in N / F postmortems (decision 043).
   */
  few: number
  walkCost: number
}
export const CLASS_BOUNDS: ClassBounds = { recent: 300, share: 500, few: 300, walkCost: 0.5 }

const OCCURRED = incidentDateSql('p')

/** The postmortems as `p` with their launch as `l`: what a search's conditions read. */
export const POSTMORTEMS = Prisma.sql`"Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"`

/** How many postmortems the planner's statistics count (0 before the first ANALYZE). */
export const ESTIMATED_POSTMORTEMS = Prisma.sql`(SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = '"Postmortem"'::regclass)`

/**
 * `vector @@ query` read through the word index, each top-level alternative of the query a
 * condition of its own (`vector @@ a OR vector @@ b`). The index then reads each alternative by
 * itself, led by its rarest word, where one scan of `a | b` reads every posting of every word of
 * both and tests the whole query on each (缓存未更新 and its glossary forms at 100,000
 * postmortems: 15 → 8 ms, decision 043). Not when no alternative has two words to lead by (a
 * word and its translation: two scans of the same postings), nor when two share a prefix: every
 * scan gathers all the postings of a prefix's words first (上线后's '后':* twice: 23 → 33 ms).
 *
 * `unseen`: each tsquery is the value of a subquery, which the planner cannot read, so it plans
 * the index however common the words are. For a word it counts common it would rather scan the
 * table and test every row's vector; the index's bitmap tells a word's match without reading the
 * vector (缓存 at 10,000 postmortems, up to 501 matches: 2.2 ms, against 21 by the table's scan
 * and 7.7 from the newest, decision 067). Only where the read stops early or the matches are
 * few: the planner then counts on few matches whatever the words.
 */
export function indexedMatch(vector: Prisma.Sql, query: string, { unseen = false } = {}): Prisma.Sql {
  const alternatives = tsQueryAlternatives(query)
  const words = alternatives.map(tsQueryWords)
  const prefixes = words.flat().flatMap((w) => (w.prefix ? [w.word] : []))
  const led = words.some((w) => w.length > 1)
  const match = (q: string) =>
    unseen ? Prisma.sql`${vector} @@ (SELECT ${q}::tsquery)` : Prisma.sql`${vector} @@ ${q}::tsquery`
  if (!led || new Set(prefixes).size < prefixes.length) return match(query)
  return Prisma.sql`(${Prisma.join(alternatives.map(match), ' OR ')})`
}

/**
 * The newest `n` postmortems after the newest `after`, as `p` (with its launch as `l`), in
 * class order: a window read by the date index and no further. Outside it, `ts_match_vq` (the
 * function behind `@@`, which no word index serves) keeps the planner from gathering every match
 * through the word index first.
 */
export const newestWindow = (n: Prisma.Sql, after: Prisma.Sql = Prisma.sql`0`) =>
  Prisma.sql`(SELECT p.*, ${OCCURRED} AS occurred FROM "Postmortem" p ORDER BY ${Prisma.raw(CLASS_ORDER)} LIMIT ${n} OFFSET ${after}) p
    LEFT JOIN "Launch" l ON l.id = p."launchId"`

/**
 * The first `limit` postmortems of a class (`field @@ query`, with the other conditions `rest`
 * on `p` and `l`) in class order:
 *   1. the newest R postmortems (R from `recent` and `share`): enough when the class is common;
 *   2. else, when they held some (one in eight of the page or more), the newest postmortems
 *      again, twice as far as their share says the page needs: a class that sparse is read
 *      faster in date order, from postmortems step 1 just read, than match by match;
 *   3. else every match, read by the word index, when there are at most F (`ClassBounds`):
 *      sorted by date;
 *   4. else the date index walked until the page is full: with more than F matches in all, the
 *      walk meets one every N / F postmortems on average.
 * Each step is exact: steps 1 and 2 read the first postmortems in class order, so a match they
 * miss comes after all they found.
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
  const order = Prisma.raw(CLASS_ORDER)
  if (!readsNewestFirst) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM ${POSTMORTEMS}
      WHERE ${indexedMatch(field, query)} AND ${rest} ORDER BY ${order} LIMIT ${limit}`
    return rows.map((r) => r.id)
  }
  const columns = Prisma.sql`p.id, p.number, ${OCCURRED} AS occurred`
  const matching = Prisma.sql`ts_match_vq(${field}, ${query}::tsquery) AND ${rest}`
  // A window is in class order already: ordered by its own column, its first matches are read
  // without a sort, and the read stops there.
  const inWindow = Prisma.sql`${matching} ORDER BY p.occurred DESC, p.number DESC LIMIT ${limit}`
  // One statement (a round trip costs the embedded database milliseconds): each step's
  // condition on the one before is a one-time filter, so a step runs only when it is needed.
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH size AS MATERIALIZED (
      SELECT greatest(${bounds.recent}, n / ${bounds.share})::int AS r,
        greatest(${bounds.few}, sqrt(${limit} * n * ${bounds.walkCost}))::int AS f
      FROM (SELECT ${ESTIMATED_POSTMORTEMS} AS n) estimated
    ), recent AS MATERIALIZED (
      SELECT p.id, p.number, p.occurred FROM ${newestWindow(Prisma.sql`(SELECT r FROM size)`)}
      WHERE ${inWindow}
    ), held AS MATERIALIZED (
      SELECT count(*)::int AS k FROM recent
    ), wider AS MATERIALIZED (
      SELECT p.id, p.number, p.occurred FROM ${newestWindow(Prisma.sql`(SELECT 2 * ${limit} * r / greatest(k, 1) FROM size, held)`)}
      WHERE (SELECT k FROM held) BETWEEN ${Math.ceil(limit / 8)} AND ${limit - 1} AND ${inWindow}
    ), few AS MATERIALIZED (
      SELECT ${columns} FROM ${POSTMORTEMS}
      WHERE (SELECT k FROM held) < ${limit} AND (SELECT count(*) FROM wider) < ${limit}
        AND ${indexedMatch(field, query)} AND ${rest}
      LIMIT (SELECT f + 1 FROM size)
    ), walked AS (
      SELECT ${columns} FROM ${POSTMORTEMS}
      WHERE (SELECT count(*) FROM few) > (SELECT f FROM size) AND ${matching} ORDER BY ${order} LIMIT ${limit}
    ), page AS (
      SELECT * FROM recent WHERE (SELECT k FROM held) >= ${limit}
      UNION ALL
      SELECT * FROM wider WHERE (SELECT count(*) FROM wider) >= ${limit}
      UNION ALL
      (SELECT * FROM few WHERE (SELECT count(*) FROM few) <= (SELECT f FROM size) ORDER BY occurred DESC, number DESC LIMIT ${limit})
      UNION ALL
      SELECT * FROM walked
    )
    SELECT id FROM page ORDER BY occurred DESC, number DESC`
  return rows.map((r) => r.id)
}
