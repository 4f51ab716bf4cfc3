// npm run bench:import [-- --n 1000] [--batch 100] [--json]
// Imports N generated retros into a fresh database (the server Postgres with DATABASE_URL,
// else an embedded one) through the same code as the CLI and the browser, twice in one run:
// one retro at a time (the browser's import, importRetro) and a folder's way, `--batch` retros a
// transaction, each batch parsed while the one before is saved (npm run import -- <folder>,
// parseWhileSaving and importRetros). Prints JSON: retros a second each way, their ratio, parse
// p50/p95 per retro, save p50/p95 per retro (one at a time) and per batch (from its start to its
// end, the next batch's parse in between) (--json: on one line, as the other benchmarks print it).
import { parseArgs } from 'node:util'
import { createTestDatabase } from './lib/test-database'
import { generateRetro, prng } from './lib/retro-generator'
import { parseWhileSaving } from './lib/parse-while-saving'
import { percentile, round2 as round } from './lib/stats'

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
})
const n = Number(values.n)
const batchSize = Number(values.batch)

async function main() {
  const database = await createTestDatabase('hindsight_bench')
  Object.assign(process.env, database.env)
  if (database.target.kind === 'postgres') delete process.env.HINDSIGHT_DATA_DIR
  else delete process.env.DATABASE_URL
  const { db } = await import('../src/server/db')
  const { importRetro, importRetros } = await import('../src/server/imports/import-retro')
  const { previewRetro } = await import('../src/server/imports/preview-retro')
  try {
    const actor = await db.user.create({
      data: { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'EDITOR' },
      select: { id: true, name: true, email: true, role: true },
    })
    const next = prng(42)
    const sources = Array.from({ length: 2 * n }, (_, i) => generateRetro(next, i + 1))
    const parseMs: number[] = []
    const parse = (source: string) => {
      const t = performance.now()
      const preview = previewRetro(source)
      parseMs.push(performance.now() - t)
      if (!preview.ok) throw new Error(`generated retro rejected: ${preview.error.message}`)
      return preview.data
    }
    let postmortems = 0
    const count = (saved: Awaited<ReturnType<typeof importRetro>>) => {
      if (!saved.ok) throw new Error(`import failed: ${saved.error.code}`)
      postmortems += saved.data.numbers.length
    }

    const oneMs: number[] = []
    let started = performance.now()
    for (const source of sources.slice(0, n)) {
      const retro = parse(source)
      const t = performance.now()
      count(await importRetro({ actor, retro }))
      oneMs.push(performance.now() - t)
    }
    const oneSeconds = (performance.now() - started) / 1000

    const batchMs: number[] = []
    started = performance.now()
    await parseWhileSaving(sources.slice(n), batchSize, parse, async (retros) => {
      const t = performance.now()
      for (const saved of await importRetros({ actor, retros })) count(saved)
      batchMs.push(performance.now() - t)
    })
    const batchSeconds = (performance.now() - started) / 1000

    const ms = (list: number[]) => ({
      p50_ms: round(percentile(list, 50)),
      p95_ms: round(percentile(list, 95)),
    })
    console.log(
      JSON.stringify(
        {
          benchmark: 'import',
          database: database.target.kind,
          retros: 2 * n,
          postmortems,
          oneAtATime: {
            retros: n,
            seconds: round(oneSeconds),
            retrosPerSecond: round(n / oneSeconds),
            save: ms(oneMs),
          },
          batched: {
            retros: n,
            batch: batchSize,
            seconds: round(batchSeconds),
            retrosPerSecond: round(n / batchSeconds),
            saveBatch: ms(batchMs),
          },
          speedup: round(oneSeconds / batchSeconds),
          parse: ms(parseMs),
        },
        null,
        values.json ? undefined : 2,
      ),
    )
  } finally {
    await db.$disconnect().catch(() => {})
    await database.drop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
