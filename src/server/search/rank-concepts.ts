import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { dataVersionCache } from '../data-version-cache'
import { db } from '../db'
import { conceptTsQuery, type Concept } from './query-concepts'

/*
 * Ranks postmortems by the concepts they share with a query or a text being written
 * (query-concepts.ts), with BM25: each concept is worth its rarity over all postmortems (idf)
 * times its occurrences weighted by place (title, main fields, the rest), saturating, in
 * proportion to the postmortem's length. Used by search for questions typed as sentences and by
 * similar incidents beside the editor.
 */

/** Documents counted for a concept's rarity: beyond this it is common, whatever the exact count. */
const DF_CAP = 2_000
/**
 * Weights of a concept's occurrences by place (ts_rank_cd: D, C, B, A), one in the body (C) being
 * 1: the title counts three times, symptom / root cause / lessons / tags (B) one and a half.
 */
const PLACE_WEIGHTS = '{0.1, 0.2, 0.3, 0.6}'
const ONE_IN_BODY = 0.2
/** BM25's usual constants: how fast occurrences saturate, and how much a document's length counts. */
const K1 = 1.2
const B = 0.75

export type RankedConcept = { concept: Concept; df: number; idf: number }
export type ConceptMatch = {
  id: string
  number: number
  score: number
  /** The concepts it holds. */
  shared: Concept[]
  /** The share of the text's weight (Σ idf) that it holds, from 0 to 1. */
  coverage: number
}

/**
 * Document frequencies remembered across calls (by tsquery) while many texts are compared with
 * the same postmortems, as when repeats are compared in bulk: counted without exclusion.
 */
export type RarityCache = Map<string, number>
const TOTAL = '\u0000total'

/**
 * Rarities counted at the current data version, shared by every request of this process (search,
 * similar incidents, launch proposals): a common word takes Postgres tens of milliseconds to
 * count, and the counts change only when a postmortem does. Started afresh past this many concepts.
 */
const SHARED_CONCEPTS = 20_000
const rarityAtVersion = dataVersionCache<RarityCache>('rarity', { maxEntries: 1 })
async function sharedRarities(): Promise<RarityCache> {
  const cache = await rarityAtVersion('counts', async () => new Map())
  if (cache.size > SHARED_CONCEPTS) cache.clear()
  return cache
}

/**
 * How many postmortems hold each concept (at most DF_CAP), and so how much it says (idf × its
 * weight); `exclude` (the postmortem being written) is not counted. A concept is counted once per
 * cache (the caller's, else the one shared at this data version), and the excluded postmortem
 * taken off when it holds the concept.
 */
export async function rarityOf(
  concepts: Concept[],
  { exclude = 0, cache }: { exclude?: number; cache?: RarityCache } = {},
): Promise<RankedConcept[]> {
  if (!concepts.length) return []
  const queries = concepts.map((c) => conceptTsQuery(c))
  cache ??= await sharedRarities()
  // Read once into this call's own map: another request may start the shared cache afresh meanwhile.
  const counts = new Map<string, number>()
  const missing = [...new Set(queries)].filter((q) => {
    const known = cache.get(q)
    if (known !== undefined) counts.set(q, known)
    return known === undefined
  })
  let n = cache.get(TOTAL)
  if (missing.length || n === undefined) {
    const counted = await countHolders(missing, DF_CAP + 1)
    missing.forEach((q, i) => {
      counts.set(q, counted.dfs[i]!)
      cache.set(q, counted.dfs[i]!)
    })
    cache.set(TOTAL, (n = counted.n))
  }
  const [own] = exclude
    ? await db.$queryRaw<{ holds: boolean[] }[]>`
        SELECT ARRAY(SELECT coalesce(p."searchVector" @@ u.q::tsquery, false)
          FROM unnest(${queries}::text[]) WITH ORDINALITY AS u(q, i) ORDER BY u.i) AS holds
        FROM "Postmortem" p WHERE p.number = ${exclude}`
    : []
  const dfs = queries.map((q, i) => Math.min(counts.get(q)! - (own?.holds[i] ? 1 : 0), DF_CAP))
  return concepts.map((concept, i) => {
    const df = dfs[i]!
    return { concept, df, idf: concept.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) }
  })
}

/** Postmortems in all, from the planner's estimate once there are many (counting them is slow). */
const TOTAL_SQL = Prisma.sql`(SELECT CASE WHEN r.t >= 10000 THEN r.t::int ELSE (SELECT count(*) FROM "Postmortem")::int END
  FROM (SELECT reltuples AS t FROM pg_class WHERE oid = '"Postmortem"'::regclass) r)`

async function countHolders(queries: string[], cap: number) {
  const [row] = await db.$queryRaw<{ n: number; dfs: number[] }[]>`
    SELECT ${TOTAL_SQL}::int AS n,
      ARRAY(SELECT (SELECT count(*) FROM (SELECT 1 FROM "Postmortem" p WHERE p."searchVector" @@ u.q::tsquery
          LIMIT ${cap}) x)::int
        FROM unnest(${queries}::text[]) WITH ORDINALITY AS u(q, i) ORDER BY u.i) AS dfs`
  return { dfs: row!.dfs.map(Number), n: Math.max(Number(row!.n), 1) }
}

/**
 * Postmortems that hold the concepts (with their rarity: rarityOf), best first. The candidates
 * come from the rarest concepts (at most about `cap` documents), so a common word cannot crowd out
 * the postmortems that hold the rare ones; `where(seed)` is the SQL condition on `p` (and `l`, the
 * launch) that selects them, given the tsquery of those concepts; `vector` the tsvector they are
 * ranked on. Concepts no postmortem holds still count in the weight that `coverage` divides.
 */
export async function rankByConcepts({
  concepts: ranked,
  where,
  vector,
  cap,
}: {
  concepts: RankedConcept[]
  where: (seed: string) => Prisma.Sql
  vector: Prisma.Sql
  cap: number
}): Promise<ConceptMatch[]> {
  const weight = ranked.reduce((sum, c) => sum + c.idf, 0)
  const found = ranked.filter((c) => c.df > 0).map((c) => ({ ...c, q: conceptTsQuery(c.concept) }))
  if (!found.length) return []
  const rarest = [...found].sort((a, b) => a.df - b.df)
  let reach = 0
  const seed = rarest
    .filter((c, i) => (reach += c.df) <= cap || i === 0)
    .map((c) => `(${c.q})`)
    .join(' | ')
  const rows = await db.$queryRaw<
    { id: string; updatedAt: Date; number: number; len: number; tf: number[] }[]
  >`
    WITH candidates AS MATERIALIZED (
      SELECT p.id, p."updatedAt", p.number, ${vector} AS v
      FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"
      WHERE ${where(seed)}
      LIMIT ${cap + 1}
    )
    SELECT c.id, c."updatedAt", c.number, length(c.v) AS len,
      ARRAY(SELECT ts_rank_cd(${PLACE_WEIGHTS}::float4[], c.v, u.q::tsquery, 0)
        FROM unnest(${found.map((c) => c.q)}::text[]) WITH ORDINALITY AS u(q, i) ORDER BY u.i) AS tf
    FROM candidates c`
  const avgLen = rows.reduce((sum, r) => sum + Number(r.len), 0) / Math.max(rows.length, 1) || 1
  const matches = rows
    .map((row) => {
      const tf = row.tf.map((x) => Number(x) / ONE_IN_BODY)
      const long = K1 * (1 - B + (B * Number(row.len)) / avgLen)
      const shared = found.filter((_, i) => tf[i]! > 1e-6)
      return {
        id: row.id,
        number: row.number,
        updatedAt: row.updatedAt,
        score: tf.reduce((sum, x, i) => sum + (found[i]!.idf * x * (K1 + 1)) / (x + long), 0),
        shared: shared.map((c) => c.concept),
        coverage: weight ? shared.reduce((sum, c) => sum + c.idf, 0) / weight : 0,
      }
    })
    .sort((a, b) => b.score - a.score || b.updatedAt.getTime() - a.updatedAt.getTime() || b.number - a.number)
    .map(({ updatedAt: _, ...m }) => m)
  return matches
}
