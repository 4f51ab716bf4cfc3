import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import {
  ESTIMATED_POSTMORTEMS,
  indexedMatch,
  newestWindow,
  POSTMORTEMS,
  readsNewestFirst,
} from './newest-of-class'
import { postingShare, type SearchColumn } from './word-postings'

export type CapBounds = {
  /** The newest this many postmortems tell how common a query is. */
  sample: number
  /**
   * Reading a postmortem in date order costs about what this many postings of the word index
   * cost (100,000 postmortems, server Postgres: 3.5–5 µs a postmortem read by date, 0.1–0.45 µs
   * a posting, decision 043). Reaching cap + 1 matches in date order takes (cap + 1) / share
   * postmortems; the index reads every posting of the query's words first.
   */
  readCost: number
}
export const CAP_BOUNDS: CapBounds = { sample: 250, readCost: 16 }

/** Every match when there are no more than the cap; else only that there are more. */
export type CapAnswer = { pastCap: false; ids: string[] } | { pastCap: true }

/**
 * The postmortems whose `column` matches `query` under `filters` (on `p` and `l`) when there are
 * no more than `cap`, else only that there are more (decisions 039 and 043). Past the cap no id
 * is sent back: the page is then read another way, and 501 ids cost both sides their
 * conversion.
 *
 * Through the word index, planned as if every match were read (decision 037: planned under the
 * LIMIT, a phrase it thinks common is read in table order to the end), its query unseen by the
 * planner (`indexedMatch`): of a word it thinks common it would scan the table, testing every
 * row's vector. On the server, a query whose matches are common enough among the newest `sample`
 * postmortems is first read from the newest, no further than twice as far as that share says
 * `cap + 1` need, when those reads cost less than the postings of its words (`postingShare`, from
 * the planner's statistics; before the first ANALYZE, as many as its matches): the index gathers
 * every posting first (36,000 of 100,000 holding `cache`), and the pages read from the newest are
 * those every search reads first, so they are in memory. Only when that read meets no more than
 * `cap` does the index read follow.
 */
export async function matchesToCap({
  column,
  query,
  filters,
  cap,
  bounds: { sample, readCost } = CAP_BOUNDS,
}: {
  column: SearchColumn
  query: string
  filters: Prisma.Sql
  cap: number
  /** The defaults; a test runs them smaller. */
  bounds?: CapBounds
}): Promise<CapAnswer> {
  const vector = Prisma.raw(`p."${column}"`)
  const byIndex = Prisma.sql`SELECT p.id FROM ${POSTMORTEMS} WHERE ${indexedMatch(vector, query, { unseen: true })} AND ${filters}`
  // The steps (common table expressions up to `found`), then the first cap + 1 found: one row
  // without an id when they, or `passed`, say that the cap is passed, else every match.
  const upToCap = async (steps: Prisma.Sql, passed = Prisma.sql`false`): Promise<CapAnswer> => {
    const rows = await db.$queryRaw<{ id: string | null }[]>`
      WITH ${steps}, upto AS MATERIALIZED (SELECT id FROM found LIMIT ${cap + 1})
      SELECT NULL AS id WHERE ${passed} OR (SELECT count(*) FROM upto) > ${cap}
      UNION ALL
      SELECT id FROM upto WHERE (SELECT count(*) FROM upto) <= ${cap}`
    const ids = rows.flatMap((r) => (r.id === null ? [] : [r.id]))
    return ids.length < rows.length ? { pastCap: true } : { pastCap: false, ids }
  }
  if (!readsNewestFirst) return upToCap(Prisma.sql`found AS MATERIALIZED (${byIndex})`)
  const matching = Prisma.sql`ts_match_vq(${vector}, ${query}::tsquery) AND ${filters}`
  const postings = await postingShare(column, query)
  // The newest `sample` are read once: the read from the newest goes on after them.
  const k = Prisma.sql`(SELECT count(*)::int FROM sample)`
  const counted = Prisma.sql`(SELECT n FROM counted)`
  return upToCap(
    Prisma.sql`sample AS MATERIALIZED (
      SELECT p.id FROM ${newestWindow(Prisma.sql`${sample}`)} WHERE ${matching}
    ), recent AS MATERIALIZED (
      SELECT p.id FROM ${newestWindow(Prisma.sql`greatest(0, 2 * ${cap + 1} * ${sample} / greatest(${k}, 1) - ${sample})`, Prisma.sql`${sample}`)}
      WHERE ${k} * COALESCE(${postings}::float8, ${k}::float8 / ${sample}) * ${ESTIMATED_POSTMORTEMS}
        >= ${readCost * (cap + 1) * sample}
        AND ${matching}
      LIMIT greatest(0, ${cap + 1} - ${k})
    ), counted AS MATERIALIZED (
      SELECT ${k} + (SELECT count(*)::int FROM recent) AS n
    ), found AS MATERIALIZED (
      ${byIndex} AND ${counted} <= ${cap}
    )`,
    Prisma.sql`${counted} > ${cap}`,
  )
}
