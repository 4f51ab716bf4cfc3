// npm start: generate the database client and build when needed, migrate, rebuild stale search
// documents, serve.
import { spawn, spawnSync } from 'node:child_process'
import cluster from 'node:cluster'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseInUse } from '../src/server/db/embedded-in-use'
import { withConnection } from '../src/server/backup/sql-connection'
import { migrate } from '../src/server/db/migrations'
import { databaseTarget } from '../src/server/env'
import { SEARCH_INDEX_VERSION } from '../src/server/search/index-version'
import { parseSsoConfig, SsoConfigError } from '../src/server/auth/sso-config'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = values.port ?? process.env.PORT ?? '3000'
const root = process.cwd()
const nextBin = path.join(root, 'node_modules', '.bin', 'next')
const say = (line: string) => console.log(`▸ ${line}`)
/** Pages and WebSocket endpoints on one port (what `next start` did, plus the sockets). */
const serverScript = path.join(root, 'scripts', 'server.ts')
const serverEnv: Record<string, string> = { PORT: port, NODE_ENV: 'production' }
/**
 * Node flags of each server process. A page's render allocates a few megabytes that die with
 * it; V8's young generation (16 MB semi-spaces by default) filled many times a second under
 * load and garbage collection took 12% of the server's time on /insights. 32 MB semi-spaces cut
 * the signed-in pages' time by 10–20% (decision 037). A --max-semi-space-size in NODE_OPTIONS
 * is the operator's choice and wins.
 */
const serverArgv = [
  '--import',
  'tsx',
  ...(process.env.NODE_OPTIONS?.includes('semi-space') ? [] : ['--max-semi-space-size=32']),
]

function newestMtime(entry: string): number {
  const full = path.join(root, entry)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const sources = [
  'app',
  'src',
  'prisma/schema.prisma',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
]
const buildId = path.join(root, '.next', 'BUILD_ID')
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
const sourcesAt = Math.max(
  ...sources.filter((s) => s !== 'src').map(newestMtime),
  newestMtimeExcept('src', 'generated'),
)

function newestMtimeExcept(dir: string, skip: string): number {
  const full = path.join(root, dir)
  if (!existsSync(full)) return 0
  return Math.max(
    0,
    ...readdirSync(full)
      .filter((c) => c !== skip)
      .map((c) => newestMtime(path.join(dir, c))),
  )
}

if (!existsSync(path.join(root, 'src', 'generated', 'prisma', 'client.ts')) || builtAt < sourcesAt) {
  say('Generating the database client…')
  run('npm', ['run', '--silent', 'db:generate'])
}
if (builtAt < sourcesAt) {
  say(
    builtAt
      ? 'Sources changed since the last build: rebuilding…'
      : 'Building Hindsight (the first start takes a minute)…',
  )
  run(nextBin, ['build'])
}

/** ./data/pglite inside the project, the absolute path elsewhere. */
function displayPath(dir: string) {
  const relative = path.relative(root, dir)
  return relative && !relative.startsWith('..') ? `./${relative}` : dir
}

/**
 * WEB_CONCURRENCY Next servers share the port (node:cluster), so that one machine's cores
 * all render pages. Only on a server Postgres: the embedded database belongs to one process.
 */
function serverWorkers(kind: 'postgres' | 'pglite'): number {
  const wanted = Number(process.env.WEB_CONCURRENCY ?? 1)
  if (!Number.isInteger(wanted) || wanted < 1) {
    console.error(
      `WEB_CONCURRENCY must be a whole number of processes, 1 or more (got "${process.env.WEB_CONCURRENCY}").`,
    )
    process.exit(1)
  }
  if (wanted > 1 && kind === 'pglite') {
    say(
      'WEB_CONCURRENCY is ignored with the embedded database (one process only); set DATABASE_URL to use it.',
    )
    return 1
  }
  return wanted
}

/** Each worker runs the server (scripts/server.ts) itself; the primary restarts a worker that dies and passes signals on. */
function serveInWorkers(workers: number) {
  cluster.setupPrimary({ exec: serverScript, execArgv: serverArgv })
  let stopping = false
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
  }
  const listening = new Set<number>()
  cluster.on('listening', (worker) => listening.add(worker.id))
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping && !listening.has(worker.id)) {
      // It never served (port taken, broken build…): restarting would only loop.
      process.exitCode = code || 1
      stopAll('SIGTERM')
    }
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit()
      return
    }
    say(`A server process stopped (${signal ?? `exit ${code}`}); starting another…`)
    cluster.fork(serverEnv)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal))
  for (let i = 0; i < workers; i++) cluster.fork(serverEnv)
}

async function main() {
  // A bad SSO_* setting stops the start here, naming the variable, not at the first sign-in.
  try {
    if (parseSsoConfig(process.env)) say('Single sign-on is on (SSO_ISSUER).')
  } catch (error) {
    if (!(error instanceof SsoConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
  const target = databaseTarget()
  say(
    target.kind === 'postgres'
      ? 'Migrating the server Postgres (DATABASE_URL)…'
      : `Migrating the embedded database in ${displayPath(target.dataDir)}…`,
  )
  const applied = await migrate(target).catch((error: unknown) => {
    if (error instanceof DatabaseInUse) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      target.kind === 'postgres'
        ? `Cannot migrate the database at DATABASE_URL (${reason}). Is Postgres running and the URL right?`
        : `Cannot open the embedded database in ${target.dataDir} (${reason}). Is another Hindsight using it?`,
    )
  })
  say(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database is up to date.',
  )

  // Search documents built by another version of the code are rebuilt once (derived data).
  const built = await withConnection(target, (c) =>
    c.query<{ version: number }>('SELECT version FROM "SearchIndex" WHERE id = 1'),
  )
  if (built[0]?.version !== SEARCH_INDEX_VERSION) {
    say('Building the search documents of this version…')
    run(path.join(root, 'node_modules', '.bin', 'tsx'), [
      '--conditions=react-server',
      'scripts/search-reindex.ts',
      '--if-stale',
    ])
  }

  const workers = serverWorkers(target.kind)
  say(`Starting the server on port ${port}${workers > 1 ? ` (${workers} worker processes)` : ''}…`)
  if (workers > 1) serveInWorkers(workers)
  else {
    // Node itself (not npx), so that signals sent to this process reach the server.
    const server = spawn(process.execPath, [...serverArgv, serverScript], {
      stdio: 'inherit',
      env: { ...process.env, ...serverEnv },
    })
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
    server.on('exit', (code) => process.exit(code ?? 0))
  }

  // Announce the URL once the app answers, database included.
  const url = `http://localhost:${port}`
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500))
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) {
      say(`Hindsight is ready: ${url}`)
      break
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
