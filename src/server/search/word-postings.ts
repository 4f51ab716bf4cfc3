import 'server-only'
import { db } from '../db'
import { ESTIMATED_POSTMORTEMS } from './newest-of-class'
import type { scopeVectors } from './query-forms'
import { tsQueryAlternatives, tsQueryWords } from './tokenize'

/*
 * How much of the word index a query reads, from what the planner counted (decision 043). A GIN
 * index answers `vector @@ query` by reading every posting of each of the query's words (every
 * word a prefix covers) before it can intersect them, so its cost follows the postings of the
 * words, not the matches: `redis 缓存` matches 18 % of the postmortems and reads postings for
 * more than all of them (redis, 缓存, cache). ANALYZE keeps the share of the postmortems that
 * hold each of a tsvector column's ~1,000 commonest words (`pg_stats.most_common_elems`); a word
 * not among them is held by fewer than the rarest of those.
 */

export type SearchColumn = (typeof scopeVectors)[keyof typeof scopeVectors]

type WordShares = {
  shares: Map<string, number>
  /** The share of the rarest word kept: every other word is rarer. */
  floor: number
  /** The postmortems the statistics were counted over (`pg_class.reltuples`). */
  rows: number
}

/** Statistics change with ANALYZE (autovacuum's, after many writes): read again after this long. */
const FRESH_MS = 5 * 60_000
const read = new Map<SearchColumn, { at: number; shares: Promise<WordShares | null> }>()

async function readShares(column: SearchColumn): Promise<WordShares | null> {
  const rows = await db.$queryRaw<{ words: string[] | null; freqs: number[] | null; rows: number }[]>`
    SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs AS freqs,
      ${ESTIMATED_POSTMORTEMS}::float8 AS rows
    FROM pg_stats WHERE tablename = 'Postmortem' AND attname = ${column}`
  const { words, freqs, rows: counted = 0 } = rows[0] ?? {}
  if (!words?.length || !freqs) return null
  // The frequencies are followed by their minimum, their maximum and the share of empty vectors.
  return {
    shares: new Map(words.map((word, i) => [word, freqs[i]!])),
    floor: freqs[words.length]!,
    rows: counted,
  }
}

function wordShares(column: SearchColumn): Promise<WordShares | null> {
  const kept = read.get(column)
  if (kept && Date.now() - kept.at < FRESH_MS) return kept.shares
  const shares = readShares(column).catch(() => null)
  read.set(column, { at: Date.now(), shares })
  return shares
}

/**
 * The postings the word index reads for `query`, as a share of the postmortems (the sum of its
 * words' shares; it may pass 1), or null before the first ANALYZE. A word the statistics do not
 * keep counts as half the rarest they keep. A prefix counts twice: the postings of every word it
 * covers are gathered into a bitmap before the scan starts, which cost about twice as much a
 * posting in the measurements of decision 043.
 */
export async function postingShare(column: SearchColumn, query: string): Promise<number | null> {
  const stats = await wordShares(column)
  if (!stats) return null
  let sum = 0
  for (const { word, prefix } of tsQueryWords(query)) sum += wordShare(stats, word, prefix) * (prefix ? 2 : 1)
  return sum
}

/** The share of the postmortems holding `word` (every word it begins, for a prefix: their sum). */
function wordShare(stats: WordShares, word: string, prefix: boolean): number {
  let share = 0
  if (prefix) for (const [kept, s] of stats.shares) share += kept.startsWith(word) ? s : 0
  else share = stats.shares.get(word) ?? 0
  return share || stats.floor / 2
}

/**
 * About how many postmortems match `query`, or null before the first ANALYZE: as many as hold
 * the rarest word of its commonest alternative. That is the most there can be; the words of a
 * query are found together far more often than if they were independent (a phrase's,
 * `replication lag` and its translation: their product counted 415 postmortems where 18,599
 * match), so it is also the closer guess.
 */
export async function matchEstimate(column: SearchColumn, query: string): Promise<number | null> {
  const stats = await wordShares(column)
  if (!stats) return null
  let commonest = 0
  for (const alternative of tsQueryAlternatives(query)) {
    const shares = tsQueryWords(alternative).map(({ word, prefix }) => wordShare(stats, word, prefix))
    commonest = Math.max(commonest, Math.min(1, ...shares))
  }
  return commonest * stats.rows
}
