// tsx --conditions=react-server scripts/lib/seed-history.ts [--n 300] [--seed 19] [--now ISO] [--demo]
// Writes a generated two-year incident history (generate-history.ts) into the database the app
// uses (DATABASE_URL, else the embedded one, migrated first), on top of what is there; --demo
// loads the demo first (npm run demo: needs an admin). Prints what it wrote as JSON, with the
// milliseconds it took. For benchmarks, and for looking at /insights with data.
import { parseArgs } from 'node:util'
import { generateHistory } from './generate-history'
import { prepareDatabase } from './prepare-database'

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '300' },
    seed: { type: 'string', default: '19' },
    now: { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
})

async function main() {
  const n = Number(values.n)
  const seed = Number(values.seed)
  const now = values.now ? new Date(values.now) : new Date()
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n takes a number of postmortems, not "${values.n}"`)
  if (!Number.isInteger(seed)) throw new Error(`--seed takes an integer, not "${values.seed}"`)
  if (Number.isNaN(now.getTime())) throw new Error(`--now takes an ISO date, not "${values.now}"`)
  await prepareDatabase()
  const { db } = await import('../../src/server/db')
  try {
    if (values.demo) {
      const { findCommandLineActor } = await import('../../src/server/users/command-line-actor')
      const { loadDemo } = await import('../../src/server/demo/load-demo')
      const admin = await findCommandLineActor()
      if (!admin.ok) throw new Error(admin.error.message)
      const demo = await loadDemo({ actor: admin.data })
      if (!demo.ok) throw new Error(demo.error.code)
    }
    const started = performance.now()
    const summary = await generateHistory({
      n,
      seed,
      now,
      onBatch: (done, total) => process.stderr.write(`\rseeded ${done}/${total} postmortems`),
    })
    process.stderr.write('\n')
    console.log(JSON.stringify({ ...summary, ms: Math.round(performance.now() - started) }))
  } finally {
    await db.$disconnect()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
