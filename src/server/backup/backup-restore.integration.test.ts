import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../../../scripts/lib/test-database'
import { skipBecause } from '../../test/skip-because'
import type { DatabaseTarget } from '../db/adapter'
import { backupDatabase } from './backup-database'
import { fillEveryTable } from './backup-fixture'
import { backupLines } from './read-backup'
import { restoreDatabase, RestoreRefused } from './restore-database'
import { applicationTables, quoteIdent, SEEDED_TABLES } from './schema-tables'
import { withConnection } from './sql-connection'

// @runs-once: it makes the databases it needs, of each kind, so npm test runs it in one pass.
// DATABASE_URL's server, or in npm test's embedded-database pass the one in TEST_POSTGRES_URL.
const serverPostgres = !!testPostgresUrl()
const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-backup-test-'))
const databases: TestDatabase[] = []
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()))
  rmSync(dir, { recursive: true, force: true })
})

async function database(kind: DatabaseTarget['kind'], migrated = true) {
  const created = await createTestDatabase('hindsight_backup', { kind, migrated })
  databases.push(created)
  return created.target
}

/** Every application table's rows as Postgres prints them, sorted: equal dumps, equal data. */
async function dump(target: DatabaseTarget) {
  return withConnection(target, async (connection) => {
    const out: Record<string, string[]> = {}
    for (const { name } of await applicationTables(connection))
      out[name] = (
        await connection.query<{ j: string }>(
          `SELECT row_to_json(t)::text AS j FROM ${quoteIdent(name)} t ORDER BY 1`,
        )
      ).map((r) => r.j)
    return out
  })
}

async function filled(kind: DatabaseTarget['kind']) {
  const target = await database(kind)
  await withConnection(target, (connection) => fillEveryTable(connection))
  return target
}

const sources = new Map<string, Promise<{ target: DatabaseTarget; file: string }>>()
/** One filled database of each kind and its backup, shared by the tests below. */
function source(kind: DatabaseTarget['kind']) {
  if (!sources.has(kind))
    sources.set(
      kind,
      (async () => {
        const target = await filled(kind)
        const file = path.join(dir, `${kind}.jsonl.gz`)
        await backupDatabase(target, file)
        return { target, file }
      })(),
    )
  return sources.get(kind)!
}

const pairs: [DatabaseTarget['kind'], DatabaseTarget['kind']][] = [
  ['pglite', 'pglite'],
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
]

describe('backup and restore (real databases)', () => {
  it.for(pairs)(
    'a backup of %s restores into a fresh %s database with every row of every table identical',
    { timeout: 180_000 },
    async ([from, to], context) => {
      if (!serverPostgres && (from === 'postgres' || to === 'postgres'))
        skipBecause(context, 'needs a server Postgres: set DATABASE_URL or TEST_POSTGRES_URL')
      const { target, file } = await source(from)
      const original = await dump(target)
      // Every application table of the schema (read from the catalog, so a table added by a
      // later migration is included) has rows in the fixture: one it leaves empty fails here.
      const tables = await withConnection(target, (connection) => applicationTables(connection))
      expect(tables.length).toBeGreaterThan(20)
      for (const { name } of tables) expect(original[name]?.length, name).toBeGreaterThan(0)

      const restored = await database(to, false) // restore migrates it
      const summary = await restoreDatabase(restored, file)
      expect(summary.rows.Postmortem).toBe(2)
      expect(await dump(restored)).toEqual(original)

      // The PM number sequence continues after the restored numbers, and search still works.
      await withConnection(restored, async (connection) => {
        const [next] = await connection.query<{ number: number }>(
          `INSERT INTO "Postmortem" (id, title, "updatedAt") VALUES ('after-restore', 'new', now()) RETURNING number`,
        )
        const [max] = await connection.query<{ n: number }>(
          `SELECT max(number)::int AS n FROM "Postmortem" WHERE id <> 'after-restore'`,
        )
        expect(next!.number).toBeGreaterThan(max!.n)
        const found = await connection.query<{ id: string }>(
          `SELECT id FROM "Postmortem" WHERE "searchVector" @@ to_tsquery('simple', '索引')`,
        )
        expect(found.map((r) => r.id)).toEqual(['pm1'])
      })
    },
  )

  it('refuses to restore into a non-empty database without --force (exit code 3) and changes nothing', async () => {
    const { file } = await source('pglite')
    const target = await database('pglite')
    await withConnection(target, (connection) => fillEveryTable(connection, '-other'))
    const before = await dump(target)

    await expect(restoreDatabase(target, file)).rejects.toMatchObject({ reason: 'NOT_EMPTY' })
    const cli = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/restore.ts', file], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', HINDSIGHT_DATA_DIR: (target as { dataDir: string }).dataDir },
    })
    expect(cli.status).toBe(3)
    expect(cli.stderr).toMatch(/not empty .*--force/)
    expect(await dump(target)).toEqual(before)

    // With --force it replaces everything.
    await restoreDatabase(target, file, { force: true })
    expect(await dump(target)).toEqual(await dump((await source('pglite')).target))
  })

  it('refuses a backup taken by a newer Hindsight, and a file cut short, changing nothing', async () => {
    const { file } = await source('pglite')
    const lines: string[] = []
    for await (const line of backupLines(file)) lines.push(line)
    const header = JSON.parse(lines[0]!) as { migrations: string[] }
    header.migrations.push('29991231000000_from_the_future')

    const write = async (name: string, content: string[]) => {
      const out = path.join(dir, name)
      const gzip = createGzip()
      const stream = createWriteStream(out)
      gzip.pipe(stream)
      gzip.end(content.join('\n') + '\n')
      await once(stream, 'close')
      return out
    }
    const newer = await write('newer.jsonl.gz', [JSON.stringify(header), ...lines.slice(1)])
    const cut = await write('cut.jsonl.gz', lines.slice(0, -1))

    const target = await database('pglite', false)
    await expect(restoreDatabase(target, newer)).rejects.toBeInstanceOf(RestoreRefused)
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/newer Hindsight/)
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/cut short/)
    // Nothing but what the migrations themselves write (the default contributing factors).
    const counts = Object.entries(await dump(target))
      .filter(([table]) => !SEEDED_TABLES.includes(table))
      .map(([, rows]) => rows.length)
    expect(counts.every((n) => n === 0)).toBe(true)
  })
})
