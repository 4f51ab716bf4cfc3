// npm run bench:search [-- --n 100000 --runs 10]
// Seeds N synthetic postmortems (mixed Chinese/English, ~1.5 KB) into a fresh database, then
// runs a fixed query set through the indexed search and through a naive ILIKE scan of the
// same data, in the same run, and prints p50/p95 of each and their ratio as JSON.
// Server Postgres with DATABASE_URL (default n 100,000), else embedded PGlite (default 10,000).
import { parseArgs } from 'node:util'
import { createTestDatabase } from './lib/test-database'
import { generateTexts, prng } from './lib/retro-generator'
import { percentile as pct, round2 as r2 } from './lib/stats'

const { values } = parseArgs({ options: { n: { type: 'string' }, runs: { type: 'string', default: '10' } } })
const embedded = !process.env.DATABASE_URL
const n = Number(values.n ?? (embedded ? 10_000 : 100_000))
const runs = Number(values.runs)

const queries = [
  { q: '索引', kind: '2-char Chinese' },
  { q: '主从延迟', kind: 'Chinese phrase' },
  { q: '缓存未更新', kind: 'Chinese phrase' },
  { q: 'uid 索引', kind: 'mixed' },
  { q: 'replication lag', kind: 'English' },
  { q: 'certificate', kind: 'English, rarer' },
  { q: 'the', kind: 'English, very common' },
  { q: '上线后', kind: 'Chinese, very common' },
  { q: '#4242', kind: 'rare (one title)' },
  { q: 'disks', kind: 'English stem' },
]

async function main() {
  const database = await createTestDatabase('hindsight_bench')
  Object.assign(process.env, database.env)
  const { db } = await import('../src/server/db')
  const { toTsVector } = await import('../src/server/search/tokenize')
  const { searchInput, searchPostmortems } = await import('../src/server/search/search-postmortems')
  try {
    const seedStarted = performance.now()
    const next = prng(7)
    const BATCH = 1000
    for (let from = 0; from < n; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
        const i = from + k + 1
        const t = generateTexts(next, i)
        const vector = toTsVector([
          { weight: 'A', text: t.title },
          { weight: 'B', text: `${t.symptom} ${t.rootCause} ${t.lessons}` },
          { weight: 'C', text: `${t.detection} ${t.resolution}` },
        ])
        return { i, ...t, vector }
      })
      await db.$executeRaw`
        INSERT INTO "Postmortem" (id, number, title, status, symptom, "rootCause", detection, resolution, summary, "updatedAt", "searchVector")
        SELECT gen_random_uuid()::text, u.number, u.title, 'PUBLISHED', u.symptom, u.root, u.detection, u.resolution, u.lessons,
               now() - (u.number || ' minutes')::interval, u.vector::tsvector
        FROM unnest(${rows.map((r) => r.i)}::int[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.symptom)}::text[],
                    ${rows.map((r) => r.rootCause)}::text[], ${rows.map((r) => r.detection)}::text[], ${rows.map((r) => r.resolution)}::text[],
                    ${rows.map((r) => r.lessons)}::text[], ${rows.map((r) => r.vector)}::text[])
             AS u(number, title, symptom, root, detection, resolution, lessons, vector)`
      process.stderr.write(`\rseeded ${Math.min(from + BATCH, n)}/${n}`)
    }
    await db.$executeRawUnsafe('ANALYZE "Postmortem"')
    const seedSeconds = (performance.now() - seedStarted) / 1000
    process.stderr.write(`\n`)

    const actor = { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'ADMIN' as const }
    const perQuery = []
    const indexedAll: number[] = []
    const scanAll: number[] = []
    for (const { q, kind } of queries) {
      const indexed: number[] = []
      const scan: number[] = []
      let total = 0
      let scanCount = 0
      for (let run = 0; run < runs + 1; run++) {
        let t = performance.now()
        const response = await searchPostmortems({ actor, input: searchInput.parse({ q, limit: 20 }) })
        const ti = performance.now() - t
        total = response.total
        // The baseline: every term as a substring anywhere in the texts, newest first.
        const terms = q.split(/\s+/).filter(Boolean)
        t = performance.now()
        const rows = await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Postmortem"
          WHERE (SELECT bool_and((title || ' ' || symptom || ' ' || "rootCause" || ' ' || detection || ' ' || resolution || ' ' || summary) ILIKE '%' || term || '%')
                 FROM unnest(${terms}::text[]) AS term)
          ORDER BY "updatedAt" DESC LIMIT 20`
        const ts = performance.now() - t
        scanCount = rows.length
        if (run === 0) continue // warm-up
        indexed.push(ti)
        scan.push(ts)
      }
      indexedAll.push(...indexed)
      scanAll.push(...scan)
      perQuery.push({
        q,
        kind,
        matches: total,
        scanRows: scanCount,
        indexed_p50_ms: r2(pct(indexed, 50)),
        indexed_p95_ms: r2(pct(indexed, 95)),
        scan_p50_ms: r2(pct(scan, 50)),
        scan_p95_ms: r2(pct(scan, 95)),
      })
    }
    console.log(
      JSON.stringify(
        {
          benchmark: 'search',
          database: database.target.kind,
          postmortems: n,
          runsPerQuery: runs,
          seedSeconds: r2(seedSeconds),
          indexed: { p50_ms: r2(pct(indexedAll, 50)), p95_ms: r2(pct(indexedAll, 95)) },
          scan: { p50_ms: r2(pct(scanAll, 50)), p95_ms: r2(pct(scanAll, 95)) },
          speedup_p95: r2(pct(scanAll, 95) / Math.max(0.01, pct(indexedAll, 95))),
          perQuery,
        },
        null,
        2,
      ),
    )
  } finally {
    await db.$disconnect()
    await database.drop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
