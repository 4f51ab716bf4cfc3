// npm run bench:import [-- --n 1000]
// Imports N generated retros into a fresh database (the server Postgres with DATABASE_URL,
// else an embedded one) through the same code as the CLI and the browser, and prints JSON.
import { parseArgs } from 'node:util'
import { createTestDatabase } from './lib/test-database'
import { generateRetro, prng } from './lib/retro-generator'
import { percentile, round2 as round } from './lib/stats'

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } })
const n = Number(values.n)

async function main() {
  const database = await createTestDatabase('hindsight_bench')
  Object.assign(process.env, database.env)
  if (database.target.kind === 'postgres') delete process.env.HINDSIGHT_DATA_DIR
  else delete process.env.DATABASE_URL
  const { db } = await import('../src/server/db')
  const { importRetro } = await import('../src/server/imports/import-retro')
  const { previewRetro } = await import('../src/server/imports/preview-retro')
  try {
    const actor = await db.user.create({
      data: { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'EDITOR' },
      select: { id: true, name: true, email: true, role: true },
    })
    const next = prng(42)
    const sources = Array.from({ length: n }, (_, i) => generateRetro(next, i + 1))
    const parseMs: number[] = []
    const saveMs: number[] = []
    let postmortems = 0
    const started = performance.now()
    for (const source of sources) {
      const t0 = performance.now()
      const preview = previewRetro(source)
      const t1 = performance.now()
      if (!preview.ok) throw new Error(`generated retro rejected: ${preview.error.message}`)
      const saved = await importRetro({ actor, retro: preview.data })
      if (!saved.ok) throw new Error(`import failed: ${saved.error.code}`)
      postmortems += saved.data.numbers.length
      parseMs.push(t1 - t0)
      saveMs.push(performance.now() - t1)
    }
    const totalSeconds = (performance.now() - started) / 1000
    parseMs.sort((a, b) => a - b)
    saveMs.sort((a, b) => a - b)
    console.log(
      JSON.stringify(
        {
          benchmark: 'import',
          database: database.target.kind,
          retros: n,
          postmortems,
          totalSeconds: round(totalSeconds),
          retrosPerSecond: round(n / totalSeconds),
          parse_p50_ms: round(percentile(parseMs, 50)),
          parse_p95_ms: round(percentile(parseMs, 95)),
          save_p50_ms: round(percentile(saveMs, 50)),
          save_p95_ms: round(percentile(saveMs, 95)),
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
