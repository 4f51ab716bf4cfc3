// npm run bench:search [-- --n 100000] [--runs 10] [--naive-runs 3] [--json]
// Seeds N synthetic postmortems (mixed Chinese/English, ~1.5 KB, with hypotheses and lessons)
// into a fresh database, then runs a fixed query set through the indexed search and through a
// naive ILIKE scan of the same texts, in the same run, and prints JSON:
//   { n, queries, indexed: { p50_ms, p95_ms }, naive: { p50_ms, p95_ms }, speedup_p95,
//     index_build_s, db_mb, overlap: { min, mean }, byClass, index_mb, filtered, ...extras }
// overlap: the share of each page that is in the true best 20 (every match ranked, no cap).
// filtered: the common queries again under a period filter (none of the postmortems, or all).
// index_build_s = tokenizing every document in Node (search vectors, vocabulary) + building the
// GIN indexes over them (dropped while seeding, then created): the cost of a full reindex.
// Server Postgres with DATABASE_URL (default n 100,000), else embedded PGlite (default 10,000).
// --json prints only the JSON (no progress on stderr); --keep keeps the database for EXPLAIN.
// --reuse <DATABASE_URL or HINDSIGHT_DATA_DIR of a kept database> measures on it again without
// seeding (a million postmortems take half an hour to seed): seed and index build figures are
// then null.
import { parseArgs } from 'node:util'
import { createTestDatabase, type TestDatabase } from './lib/test-database'
import { insertGeneratedPostmortems } from './lib/insert-generated-postmortems'
import { percentile as pct, round2 as r2 } from './lib/stats'
import { benchQueries as queries } from './lib/search-bench-queries'
import type { Db } from '../src/server/db'

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'naive-runs': { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
})
const reuse: { kind: string; env: Record<string, string> } | null = values.reuse
  ? /^postgres(ql)?:/.test(values.reuse)
    ? { kind: 'postgres', env: { DATABASE_URL: values.reuse } }
    : { kind: 'pglite', env: { HINDSIGHT_DATA_DIR: values.reuse } }
  : null
if (reuse) Object.assign(process.env, reuse.env)
if (reuse?.kind === 'pglite') delete process.env.DATABASE_URL
const embedded = !process.env.DATABASE_URL
let n = Number(values.n ?? (embedded ? 10_000 : 100_000))
const runs = Number(values.runs)
const naiveRuns = Number(values['naive-runs'])
const progress = (text: string) => {
  if (!values.json) process.stderr.write(text)
}

/** The GIN indexes of the search (migrations), dropped while seeding and built after. */
const ginIndexes = [
  `CREATE INDEX "Postmortem_searchVector_idx" ON "Postmortem" USING GIN ("searchVector")`,
  `CREATE INDEX "Postmortem_hypothesisVector_idx" ON "Postmortem" USING GIN ("hypothesisVector")`,
  `CREATE INDEX "Postmortem_rootCauseVector_idx" ON "Postmortem" USING GIN ("rootCauseVector")`,
  `CREATE INDEX "Postmortem_titleVector_idx" ON "Postmortem" USING GIN ("titleVector")`,
  `CREATE INDEX "Postmortem_keyVector_idx" ON "Postmortem" USING GIN ("keyVector")`,
  `CREATE INDEX "Postmortem_title_idx" ON "Postmortem" USING GIN ("title" gin_trgm_ops)`,
  `CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops)`,
]

async function main() {
  const database: Pick<TestDatabase, 'env' | 'keep' | 'drop'> & { target: { kind: string } } = reuse
    ? {
        target: { kind: reuse.kind },
        env: reuse.env,
        keep: () => {},
        drop: async () => {},
      }
    : await createTestDatabase('hindsight_bench')
  Object.assign(process.env, database.env)
  if (database.target.kind === 'postgres') delete process.env.HINDSIGHT_DATA_DIR
  else delete process.env.DATABASE_URL
  const { db } = await import('../src/server/db')
  const { runSearch } = await import('../src/server/postmortems/search-postmortems')
  const { searchInput } = await import('../src/server/postmortems/schemas')
  const { queryTerms, toTsQuery } = await import('../src/server/search/tokenize')
  const { queryForms } = await import('../src/server/search/query-forms')
  const { rankEveryMatch } = await import('../src/server/search/exhaustive-ranking')
  try {
    if (reuse) {
      const [count] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Postmortem"`
      n = count!.n
    }
    let tokenizeMs: number | null = null
    let ginSeconds: number | null = null
    let seedSeconds: number | null = null
    if (!reuse) {
      for (const sql of ginIndexes) await db.$executeRawUnsafe(`DROP INDEX "${/"(\w+)"/.exec(sql)![1]}"`)
      const seedStarted = performance.now()
      ;({ tokenizeMs } = await insertGeneratedPostmortems(n, {
        onBatch: (done) => progress(`\rseeded ${done}/${n}`),
      }))
      const ginStarted = performance.now()
      for (const sql of ginIndexes) await db.$executeRawUnsafe(sql)
      ginSeconds = (performance.now() - ginStarted) / 1000
      // What autovacuum (a server Postgres) or the upkeep worker (embedded) does after a load like
      // this one, before anyone searches (decision 044): this machine's Postgres runs without it.
      const { upkeep } = await import('../src/server/db/upkeep')
      await upkeep()
      seedSeconds = (performance.now() - seedStarted) / 1000
    }
    const [size] = await db.$queryRaw<
      { bytes: bigint }[]
    >`SELECT pg_database_size(current_database()) AS bytes`
    progress(`\n`)

    const actor = { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'ADMIN' as const }
    const perQuery = []
    const indexedAll: number[] = []
    const indexedTimes = new Map<string, number[]>()
    const naiveAll: number[] = []
    for (const { q, kind, scope } of queries) {
      const indexed: number[] = []
      const naive: number[] = []
      let total = 0
      let naiveRows = 0
      let page: string[] = []
      for (let run = 0; run <= runs; run++) {
        const t = performance.now()
        const response = await runSearch({ actor, input: searchInput.parse({ q, scope, limit: 20 }) })
        if (run > 0) indexed.push(performance.now() - t) // run 0 warms up
        total = response.total
        page = response.results.filter((r) => !r.partial).map((r) => r.id)
      }
      // How much of the page is the true best 20 (every match ranked, no cap): 1 is exact.
      const best = await rankEveryMatch((await queryForms(q))!, { scope, limit: 20 })
      const overlap = best.length ? best.filter((id) => page.includes(id)).length / best.length : 1
      // The baseline: every word as a substring of the same texts (hypotheses and lessons
      // included, or only those of the scope), newest first.
      const terms = q.split(/\s+/).filter(Boolean)
      const where = scope ?? 'all'
      for (let run = 0; run < naiveRuns; run++) {
        const t = performance.now()
        const rows = await db.$queryRaw<{ id: string }[]>`
          SELECT p.id FROM "Postmortem" p
          WHERE (SELECT bool_and(doc.text ILIKE '%' || term || '%') FROM unnest(${terms}::text[]) AS term,
            LATERAL (SELECT CASE ${where}::text
              WHEN 'hypotheses' THEN (SELECT string_agg(h.statement || ' ' || h.evidence, ' ') FROM "Hypothesis" h WHERE h."postmortemId" = p.id)
              WHEN 'confirmed' THEN p."rootCause" || ' ' || COALESCE((SELECT string_agg(h.statement || ' ' || h.evidence, ' ')
                FROM "Hypothesis" h WHERE h."postmortemId" = p.id AND h.status = 'CONFIRMED'), '')
              ELSE concat_ws(' ', p.title, p.summary, p.symptom, p.detection, p.impact, p."rootCause", p.resolution, p.verification,
                (SELECT string_agg(h.statement || ' ' || h.evidence, ' ') FROM "Hypothesis" h WHERE h."postmortemId" = p.id),
                (SELECT string_agg(l.text, ' ') FROM "Lesson" l WHERE l."postmortemId" = p.id))
            END AS text) AS doc)
          ORDER BY p."updatedAt" DESC LIMIT 20`
        naive.push(performance.now() - t)
        naiveRows = rows.length
      }
      // How many documents hold the words as typed (all of them, no cap): what "common" means.
      const [matching] = await db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) FROM "Postmortem" WHERE "searchVector" @@ ${toTsQuery(queryTerms(q)) ?? ''}::tsquery`
      indexedAll.push(...indexed)
      indexedTimes.set(`${q}|${scope ?? ''}`, indexed)
      naiveAll.push(...naive)
      perQuery.push({
        q,
        ...(scope ? { scope } : {}),
        kind,
        share: r2(Number(matching?.count ?? 0) / n),
        matches: total,
        overlap: r2(overlap),
        naiveRows,
        indexed_p50_ms: r2(pct(indexed, 50)),
        indexed_p95_ms: r2(pct(indexed, 95)),
        naive_p50_ms: r2(pct(naive, 50)),
        naive_p95_ms: r2(pct(naive, 95)),
      })
      progress(`\r${perQuery.length}/${queries.length} queries`)
    }
    progress(`\n`)
    const filtered = await periodSearches(async (input) => {
      const t = performance.now()
      const response = await runSearch({ actor, input: searchInput.parse({ ...input, limit: 20 }) })
      return { ms: performance.now() - t, matches: response.total }
    })
    const indexedP95 = pct(indexedAll, 95)
    console.log(
      JSON.stringify(
        {
          n,
          queries: queries.length,
          indexed: { p50_ms: r2(pct(indexedAll, 50)), p95_ms: r2(indexedP95) },
          naive: { p50_ms: r2(pct(naiveAll, 50)), p95_ms: r2(pct(naiveAll, 95)) },
          speedup_p95: r2(pct(naiveAll, 95) / Math.max(0.01, indexedP95)),
          index_build_s:
            tokenizeMs === null || ginSeconds === null ? null : r2(tokenizeMs / 1000 + ginSeconds),
          db_mb: r2(Number(size?.bytes ?? 0) / 2 ** 20),
          database: database.target.kind,
          runs: { indexed: runs, naive: naiveRuns },
          index_build:
            tokenizeMs === null || ginSeconds === null
              ? null
              : { tokenize_s: r2(tokenizeMs / 1000), gin_s: r2(ginSeconds) },
          seed_s: seedSeconds === null ? null : r2(seedSeconds),
          ...(reuse ? { reused: true } : {}),
          overlap: {
            min: Math.min(...perQuery.map((p) => p.overlap)),
            mean: r2(perQuery.reduce((sum, p) => sum + p.overlap, 0) / perQuery.length),
          },
          byClass: byClass(perQuery, indexedTimes),
          index_mb: await indexSizes(db),
          common_share: r2(
            perQuery.filter((p) => p.kind.startsWith('common')).length / Math.max(1, queries.length),
          ),
          filtered,
          perQuery,
        },
        null,
        2,
      ),
    )
  } finally {
    await db.$disconnect().catch(() => {})
    if (values.keep) {
      database.keep()
      console.error(`Kept the database: ${JSON.stringify(database.env)}`)
    } else await database.drop()
  }
}

/** p50/p95 of the indexed search per query class ("common", "Chinese phrase", "scoped", …). */
function byClass(perQuery: { q: string; scope?: string; kind: string }[], times: Map<string, number[]>) {
  const classes = new Map<string, number[]>()
  for (const p of perQuery) {
    const name = p.kind.split(/[,:]/)[0]!.trim()
    classes.set(name, [...(classes.get(name) ?? []), ...(times.get(`${p.q}|${p.scope ?? ''}`) ?? [])])
  }
  return Object.fromEntries(
    [...classes].map(([name, t]) => [name, { p50_ms: r2(pct(t, 50)), p95_ms: r2(pct(t, 95)) }]),
  )
}

/**
 * The common queries under a period filter (a user's "last quarter"), not in the headline figures:
 * a period that holds none of the postmortems, and one that holds them all. The statistics do
 * not count a filter, so a period with none of a common word's matches once read every match
 * (decision 068). Each search has a period of its own, as a new search does.
 */
async function periodSearches(
  search: (input: Record<string, string>) => Promise<{ ms: number; matches: number }>,
) {
  const common = queries.filter((q) => q.kind.startsWith('common'))
  const periods = {
    none: (k: number) => ({ to: day(2000, k) }),
    all: (k: number) => ({ from: day(2000, k) }),
  }
  const times: number[] = []
  const perQuery = []
  for (const { q } of common)
    for (const [period, filter] of Object.entries(periods)) {
      const each: number[] = []
      let matches = 0
      for (let run = 0; run <= runs; run++) {
        const result = await search({ q, ...filter(run) })
        if (run > 0) each.push(result.ms)
        matches = result.matches
      }
      times.push(...each)
      perQuery.push({ q, period, matches, p50_ms: r2(pct(each, 50)), p95_ms: r2(pct(each, 95)) })
    }
  return { p50_ms: r2(pct(times, 50)), p95_ms: r2(pct(times, 95)), perQuery }
}

/** A day of `year`, the `k`-th: a new filter for each run, so that no search is kept. */
const day = (year: number, k: number) => new Date(Date.UTC(year, 0, 1 + k)).toISOString().slice(0, 10)

/** The size of each search index, in MB. */
async function indexSizes(db: Db) {
  const rows = await db.$queryRaw<{ name: string; bytes: bigint }[]>`
    SELECT indexrelname AS name, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes
    WHERE indexrelname IN ('Postmortem_searchVector_idx', 'Postmortem_hypothesisVector_idx',
      'Postmortem_rootCauseVector_idx', 'Postmortem_titleVector_idx', 'Postmortem_keyVector_idx',
      'Postmortem_incident_date_idx', 'Postmortem_title_idx', 'SearchWord_word_idx')`
  return Object.fromEntries(rows.map((r) => [r.name, r2(Number(r.bytes) / 2 ** 20)]))
}

// The embedded database keeps the process alive after Prisma disconnects from it.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
