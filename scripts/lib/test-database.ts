// A fresh, migrated database for a test run: a new database on the server Postgres when
// DATABASE_URL is set, otherwise a new embedded PGlite folder under the system temp dir.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseTarget } from '../../src/server/db/adapter'
import { migrate } from '../../src/server/db/migrations'

export type TestDatabase = { target: DatabaseTarget; env: Record<string, string>; drop(): Promise<void> }

async function admin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * `kind` forces one kind of database: 'pglite' even when DATABASE_URL is set; 'postgres'
 * needs DATABASE_URL (the server the database is created on).
 */
export async function createTestDatabase(
  prefix: string,
  { migrated = true, kind }: { migrated?: boolean; kind?: DatabaseTarget['kind'] } = {},
): Promise<TestDatabase> {
  const serverUrl = kind === 'pglite' ? undefined : process.env.DATABASE_URL?.trim()
  if (kind === 'postgres' && !serverUrl) throw new Error('A Postgres test database needs DATABASE_URL.')
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
    const target = { kind: 'pglite', dataDir } as const
    if (migrated) await migrate(target)
    return {
      target,
      env: { HINDSIGHT_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `${prefix}_${Date.now()}_${process.pid}`.replace(/\W/g, '_').toLowerCase()
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
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const target = { kind: 'postgres', url: url.toString() } as const
  if (migrated) await migrate(target)
  return {
    target,
    env: { DATABASE_URL: target.url },
    drop: () =>
      admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
  }
}
