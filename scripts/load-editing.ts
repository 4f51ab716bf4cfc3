// npm run test:load — concurrent editing under load, over real HTTP on the production build.
// 20 authors (each signed in with their own account) autosave 5 postmortems for
// HINDSIGHT_LOAD_SECONDS (default 60), then the database is checked against every answer
// they got: each accepted save is there (the final state is the last accepted save, versions
// strictly increase without gaps), every refused save got a 409 with the current version,
// revision history is consistent, and nothing answered 500.
// Env: HINDSIGHT_LOAD_SECONDS, HINDSIGHT_LOAD_AUTHORS (20), HINDSIGHT_LOAD_POSTMORTEMS (5),
// HINDSIGHT_LOAD_INSTANCES, LOAD_PORT (3420; further instances on the next ports),
// HINDSIGHT_LOAD_REPORT (test-results/load-editing.json).
// Uses DATABASE_URL's server when set — then with 2 app instances on it by default, like two
// servers behind a load balancer: each author signs in on one and saves through another —
// else an embedded database (one instance: it serves one process).
// Writes its figures and verdict to HINDSIGHT_LOAD_REPORT.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, openSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { withConnection } from '../src/server/backup/sql-connection'
import { checkEditingHistory } from './lib/check-editing-history'
import { percentile } from './lib/stats'
import { stopProcessGroup } from './lib/stop-process-group'
import { runAuthor, signIn } from './lib/simulated-author'
import { createTestDatabase } from './lib/test-database'

const DEFAULT_LOAD_SECONDS = 60
const seconds = Number(process.env.HINDSIGHT_LOAD_SECONDS ?? DEFAULT_LOAD_SECONDS)
const authorCount = Number(process.env.HINDSIGHT_LOAD_AUTHORS ?? 20)
const postmortemCount = Number(process.env.HINDSIGHT_LOAD_POSTMORTEMS ?? 5)
const port = Number(process.env.LOAD_PORT ?? 3420)
const say = (line: string) => console.log(`[load] ${line}`)

const reports = path.join(process.cwd(), 'test-results')
const reportFile = path.resolve(process.env.HINDSIGHT_LOAD_REPORT || path.join(reports, 'load-editing.json'))

async function main(): Promise<number> {
  mkdirSync(reports, { recursive: true })
  const database = await createTestDatabase('hindsight_load')
  const env = {
    ...process.env,
    ...database.env,
    BETTER_AUTH_SECRET: 'load-test-secret-not-for-production-0123456789',
    // The authors play machines behind a proxy on this host, each named in X-Forwarded-For.
    TRUSTED_PROXIES: 'loopback',
  }
  const instances = Number(
    process.env.HINDSIGHT_LOAD_INSTANCES ?? (database.target.kind === 'postgres' ? 2 : 1),
  )
  const urls = Array.from({ length: instances }, (_, i) => `http://localhost:${port + i}`)
  const servers: ReturnType<typeof spawn>[] = []
  const stopServers = () => Promise.all(servers.map(stopProcessGroup))
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void stopServers()
        .then(() => database.drop())
        .finally(() => process.exit(1))
    })
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

    say(
      `starting ${instances} instance(s) of the production build on ${database.target.kind}: ${urls.join(', ')}`,
    )
    // One after the other: the first builds when the sources changed, the others find it built.
    for (const url of urls) {
      const log = openSync(path.join(reports, `load-server-${new URL(url).port}.log`), 'w')
      const server = spawn('npx', ['tsx', 'scripts/start.ts', '--port', new URL(url).port], {
        env,
        stdio: ['ignore', log, log],
        detached: true,
      })
      servers.push(server)
      for (let i = 0; ; i++) {
        const up = await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
        if (up) break
        if (i > 600 || server.exitCode !== null) throw new Error(`the server on ${url} did not start`)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }

    const cookies = await Promise.all(
      seed.authors.map((a, i) =>
        signIn(urls[i % instances]!, a.email, a.password, `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`),
      ),
    )
    say(`${authorCount} authors signed in; autosaving ${postmortemCount} postmortems for ${seconds} s`)
    const started = Date.now()
    const deadline = started + seconds * 1000
    const saves = (
      await Promise.all(
        // Signed in on one instance, saving through the next: sessions work across instances.
        cookies.map((cookie, author) =>
          runAuthor({ baseURL: urls[(author + 1) % instances]!, author, cookie, numbers, deadline }),
        ),
      )
    ).flat()
    const elapsed = (Date.now() - started) / 1000
    await stopServers()

    const problems = await withConnection(database.target, (connection) =>
      checkEditingHistory(connection, saves, initial),
    )
    if (!saves.some((s) => s.status === 200)) problems.push('no save was accepted')
    const latencies = saves.map((s) => s.ms)
    const figures = {
      database: database.target.kind,
      instances,
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
    writeFileSync(
      reportFile,
      JSON.stringify(
        { passed: problems.length ? 0 : 1, failed: problems.length ? 1 : 0, ...figures },
        null,
        2,
      ),
    )
    say(problems.length ? `FAILED: ${problems.length} problem(s)` : 'passed')
    return problems.length ? 1 : 0
  } finally {
    await stopServers()
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
