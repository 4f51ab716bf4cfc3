// npm start: generate the database client and build when needed, migrate, serve.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { migrate } from '../src/server/db/migrations'
import { databaseTarget } from '../src/server/env'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = values.port ?? process.env.PORT ?? '3000'
const root = process.cwd()
const nextBin = path.join(root, 'node_modules', '.bin', 'next')
const say = (line: string) => console.log(`▸ ${line}`)

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

async function main() {
  const target = databaseTarget()
  say(
    target.kind === 'postgres'
      ? 'Migrating the server Postgres (DATABASE_URL)…'
      : `Migrating the embedded database in ${displayPath(target.dataDir)}…`,
  )
  const applied = await migrate(target).catch((error: unknown) => {
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

  say(`Starting the server on port ${port}…`)
  // The Next binary itself (not npx), so that signals sent to this process reach the server.
  const server = spawn(nextBin, ['start', '-p', port], { stdio: 'inherit', env: process.env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))

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
