// A fresh, migrated database for a test run: a new database on the server Postgres when
// DATABASE_URL is set, otherwise a new embedded PGlite folder under the system temp dir.
// Whatever happens to the process that made it (an error, process.exit, Ctrl-C, SIGTERM), it
// is dropped when that process ends, unless it was dropped or kept before.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseTarget } from '../../src/server/db/adapter'
import { migrate } from '../../src/server/db/migrations'
import { copyPGliteTemplate } from './pglite-templates'

export type TestDatabase = {
  target: DatabaseTarget
  env: Record<string, string>
  drop(): Promise<void>
  /** Not dropped when the process ends (a benchmark's --keep). */
  keep(): void
}

/**
 * The server Postgres that databases of kind 'postgres' are made on: DATABASE_URL, else
 * TEST_POSTGRES_URL — which npm test sets in its embedded-database pass, so that tests that
 * need both kinds (backups from one to the other) run there too.
 */
export function testPostgresUrl(): string | undefined {
  return process.env.DATABASE_URL?.trim() || process.env.TEST_POSTGRES_URL?.trim() || undefined
}

/**
 * The name of a database made by a test run, e.g. hindsight_e2e_1764490000000_4242_r7k2p9:
 * its creation time (stale leftovers are found by it) and npm test's run tag
 * (HINDSIGHT_TEST_RUN), by which npm test finds and drops whatever a run left behind.
 */
export function testDatabaseName(prefix: string) {
  const run = process.env.HINDSIGHT_TEST_RUN?.trim()
  return `${prefix}_${Date.now()}_${process.pid}${run ? `_${run}` : ''}`.replace(/\W/g, '_').toLowerCase()
}

function maintenanceUrl(serverUrl: string) {
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  return url.toString()
}

async function admin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl(serverUrl) })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** The databases on a server whose names start with `prefix`. */
export function databasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  return admin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    )
    return rows.map((r) => r.datname)
  })
}

/** Drops databases (by exact name) on a server, synchronously: usable in an 'exit' handler. */
export function dropDatabasesSync(serverUrl: string, names: string[]) {
  if (!names.length) return
  const script = `
    const pg = require('pg')
    const client = new pg.Client({ connectionString: process.env.ADMIN_URL })
    client.connect()
      .then(async () => { for (const name of JSON.parse(process.env.NAMES)) await client.query('DROP DATABASE IF EXISTS "' + name.replace(/"/g, '""') + '" WITH (FORCE)') })
      .catch((error) => { console.error(error.message); process.exitCode = 1 })
      .finally(() => client.end())`
  spawnSync(process.execPath, ['-e', script], {
    cwd: process.cwd(), // the checkout, where pg is installed
    env: { ...process.env, ADMIN_URL: maintenanceUrl(serverUrl), NAMES: JSON.stringify(names) },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 30_000,
  })
}

/** What is still to be dropped when this process ends: key → a synchronous drop. */
const undropped = new Map<string, () => void>()
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const

function dropEverythingLeft() {
  for (const [key, drop] of undropped) {
    undropped.delete(key)
    try {
      drop()
    } catch {
      // best effort: the process is ending
    }
  }
}

function dropWhenTheProcessEnds(key: string, drop: () => void) {
  if (!undropped.size && !process.listeners('exit').includes(dropEverythingLeft)) {
    process.on('exit', dropEverythingLeft)
    for (const [signal, number] of Object.entries(SIGNALS))
      process.on(signal, function onSignal() {
        // Where the process has its own handler, that handler ends it (and 'exit' drops);
        // alone, end it as the signal would have, through 'exit'.
        if (process.listeners(signal as NodeJS.Signals).every((l) => l === onSignal))
          process.exit(128 + number)
      })
  }
  undropped.set(key, drop)
}

/**
 * `kind` forces one kind of database: 'pglite' even when DATABASE_URL is set; 'postgres'
 * needs a server (testPostgresUrl()) to create it on.
 */
export async function createTestDatabase(
  prefix: string,
  { migrated = true, kind }: { migrated?: boolean; kind?: DatabaseTarget['kind'] } = {},
): Promise<TestDatabase> {
  const serverUrl =
    kind === 'pglite' ? undefined : kind === 'postgres' ? testPostgresUrl() : process.env.DATABASE_URL?.trim()
  if (kind === 'postgres' && !serverUrl)
    throw new Error('A Postgres test database needs DATABASE_URL or TEST_POSTGRES_URL.')
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
    const remove = () => rmSync(dataDir, { recursive: true, force: true })
    dropWhenTheProcessEnds(dataDir, remove)
    const target = { kind: 'pglite', dataDir } as const
    await copyPGliteTemplate(dataDir, { migrated })
    return {
      target,
      env: { HINDSIGHT_DATA_DIR: dataDir },
      drop: async () => {
        undropped.delete(dataDir)
        remove()
      },
      keep: () => void undropped.delete(dataDir),
    }
  }
  const name = testDatabaseName(prefix)
  await admin(serverUrl, async (client) => {
    // Leftovers of runs that were killed more than six hours ago (names carry their creation
    // time); younger ones may belong to a run in another checkout, and in-use ones refuse to drop.
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}\\_%`],
    )
    const stale = (datname: string) =>
      Number(datname.slice(prefix.length + 1).split('_')[0]) < Date.now() - 6 * 3600_000
    for (const { datname } of rows.filter((r) => stale(r.datname)))
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {})
    // A UTF-8 ctype is needed for Chinese trigrams; C.UTF-8 exists on Debian, else the server's default.
    await client
      .query(
        `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      )
      .catch(() => client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`))
  })
  dropWhenTheProcessEnds(name, () => dropDatabasesSync(serverUrl, [name]))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const target = { kind: 'postgres', url: url.toString() } as const
  if (migrated) await migrate(target)
  return {
    target,
    env: { DATABASE_URL: target.url },
    drop: async () => {
      undropped.delete(name)
      await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
    keep: () => void undropped.delete(name),
  }
}

/**
 * The environment of the app's production server on a test database: its own auth secret
 * (`name`: which script), and only the variable that names this database.
 */
export function productionEnv(database: TestDatabase, name: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database.env,
    BETTER_AUTH_SECRET: `${name}-secret-not-for-production-0123456789`,
    NODE_ENV: 'production',
  }
  if (database.target.kind === 'pglite') delete env.DATABASE_URL
  else delete env.HINDSIGHT_DATA_DIR
  return env
}
