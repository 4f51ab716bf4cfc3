// npm run test:load — concurrent editing under load, over real HTTP on the production build.
// 20 authors (each signed in with their own account) autosave 5 postmortems for
// HINDSIGHT_LOAD_SECONDS (default 60), then the database is checked against every answer
// they got: each accepted save is there (the final state is the last accepted save, versions
// strictly increase without gaps), every refused save got a 409 with the current version,
// revision history is consistent, and nothing answered 500.
// Env: HINDSIGHT_LOAD_SECONDS, HINDSIGHT_LOAD_AUTHORS (20), HINDSIGHT_LOAD_POSTMORTEMS (5),
// LOAD_PORT (3420). Uses DATABASE_URL's server when set, else an embedded database.
// Writes test-results/load-editing.json.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { withConnection } from '../src/server/backup/sql-connection'
import { checkEditingHistory } from './lib/check-editing-history'
import { percentile } from './lib/stats'
import { runAuthor, signIn } from './lib/simulated-author'
import { createTestDatabase } from './lib/test-database'

const DEFAULT_LOAD_SECONDS = 60
const seconds = Number(process.env.HINDSIGHT_LOAD_SECONDS ?? DEFAULT_LOAD_SECONDS)
const authorCount = Number(process.env.HINDSIGHT_LOAD_AUTHORS ?? 20)
const postmortemCount = Number(process.env.HINDSIGHT_LOAD_POSTMORTEMS ?? 5)
const port = process.env.LOAD_PORT ?? '3420'
const baseURL = `http://localhost:${port}`
const say = (line: string) => console.log(`[load] ${line}`)

async function main(): Promise<number> {
  const database = await createTestDatabase('hindsight_load')
  const env = {
    ...process.env,
    ...database.env,
    BETTER_AUTH_SECRET: 'load-test-secret-not-for-production-0123456789',
  }
  let server: ReturnType<typeof spawn> | undefined
  const stopServer = async () => {
    if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return
    const exited = new Promise((resolve) => server!.once('exit', resolve))
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-server!.pid!, signal) // the whole group: npx, start.ts and next
      } catch {
        // already gone
      }
    }
    kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    kill('SIGKILL')
  }
  try {
    const seeded = spawnSync(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'scripts/lib/seed-load.ts',
        '--authors',
        String(authorCount),
        '--postmortems',
        String(postmortemCount),
      ],
      { env, encoding: 'utf8' },
    )
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`)
    const seed = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as {
      authors: { email: string; password: string }[]
      postmortems: { number: number; published: boolean }[]
    }
    const numbers = seed.postmortems.map((p) => p.number)
    const initial = await withConnection(database.target, async (connection) => {
      const rows = await connection.query<{ number: number; version: number }>(
        `SELECT number, version FROM "Postmortem" ORDER BY number`,
      )
      return new Map(rows.map((r) => [Number(r.number), Number(r.version)]))
    })

    say(`starting the production build on ${baseURL} (${database.target.kind})`)
    server = spawn('npx', ['tsx', 'scripts/start.ts', '--port', port], {
      env,
      stdio: 'ignore',
      detached: true,
    })
    for (let i = 0; ; i++) {
      const up = await fetch(`${baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (up) break
      if (i > 480 || server.exitCode !== null) throw new Error('the server did not start')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }

    const cookies = await Promise.all(
      seed.authors.map((a, i) =>
        signIn(baseURL, a.email, a.password, `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`),
      ),
    )
    say(`${authorCount} authors signed in; autosaving ${postmortemCount} postmortems for ${seconds} s`)
    const started = Date.now()
    const deadline = started + seconds * 1000
    const saves = (
      await Promise.all(
        cookies.map((cookie, author) => runAuthor({ baseURL, author, cookie, numbers, deadline })),
      )
    ).flat()
    const elapsed = (Date.now() - started) / 1000
    await stopServer()

    const problems = await withConnection(database.target, (connection) =>
      checkEditingHistory(connection, saves, initial),
    )
    if (!saves.some((s) => s.status === 200)) problems.push('no save was accepted')
    const latencies = saves.map((s) => s.ms)
    const figures = {
      database: database.target.kind,
      seconds: Math.round(elapsed),
      authors: authorCount,
      postmortems: postmortemCount,
      saves: saves.length,
      accepted: saves.filter((s) => s.status === 200).length,
      conflicts409: saves.filter((s) => s.status === 409).length,
      errors5xx: saves.filter((s) => s.status >= 500).length,
      savesPerSecond: Number((saves.length / elapsed).toFixed(1)),
      p50ms: Math.round(percentile(latencies, 50)),
      p95ms: Math.round(percentile(latencies, 95)),
      problems,
    }
    console.log(JSON.stringify(figures, null, 2))
    const reports = path.join(process.cwd(), 'test-results')
    mkdirSync(reports, { recursive: true })
    writeFileSync(
      path.join(reports, 'load-editing.json'),
      JSON.stringify(
        { passed: problems.length ? 0 : 1, failed: problems.length ? 1 : 0, ...figures },
        null,
        2,
      ),
    )
    say(problems.length ? `FAILED: ${problems.length} problem(s)` : 'passed')
    return problems.length ? 1 : 0
  } finally {
    await stopServer()
    await database.drop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
