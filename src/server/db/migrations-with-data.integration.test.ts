import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../scripts/lib/test-database'
import { withConnection } from '../backup/sql-connection'
import { migrate, migrationsDir } from './migrations'

/*
 * An upgrade: a database that an older Hindsight has been using, with rows in it, gets
 * the migrations written since. What was typed must still be there, unchanged, the people
 * who used it must still be able to work, and it must be found by search.
 */

/** The last migration of the older version: before search scopes, the audit log and account lifecycle. */
const OLDER = '20261125090130_launch_review'

const created: TestDatabase[] = []
const folders: string[] = []
afterAll(async () => {
  const { db } = await import('../db')
  await db.$disconnect()
  await Promise.all(created.map((d) => d.drop()))
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })))
})

/** The migrations folder as an older release shipped it: every migration up to `last`. */
async function migrationsUpTo(last: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hindsight-older-migrations-'))
  folders.push(dir)
  await cp(path.join(migrationsDir, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'))
  const names = (await readdir(migrationsDir)).filter((n) => /^\d{14}_/.test(n)).sort()
  expect(names).toContain(last)
  for (const name of names.filter((n) => n <= last))
    await cp(path.join(migrationsDir, name), path.join(dir, name), { recursive: true })
  return { dir, later: names.filter((n) => n > last) }
}

const symptom = '订单回调大量超时 "quoted" 🚀\nsecond line'

describe('migrating a database that already holds data (real database)', { timeout: 300_000 }, () => {
  it('keeps every row as it was, keeps its people active, and finds it by search', async () => {
    const database = await createTestDatabase('hindsight_upgrade', { migrated: false })
    created.push(database)
    const older = await migrationsUpTo(OLDER)
    await migrate(database.target, older.dir)
    expect(older.later.length).toBeGreaterThan(0)

    const at = '2026-11-25 09:30:00.123'
    await withConnection(database.target, async (c) => {
      await c.query(
        `INSERT INTO "User" (id, name, email, "emailVerified", role, "createdAt", "updatedAt")
         VALUES ('u-old', 'Olga 老用户', 'olga@example.com', true, 'EDITOR', $1, $1)`,
        [at],
      )
      await c.query(
        `INSERT INTO "Postmortem" (id, title, status, severity, symptom, "rootCause", "rootCauseCategory",
           "publishedAt", "createdById", "createdAt", "updatedAt", "searchVector")
         VALUES ('pm-old', 'Replica failover stalled the checkout', 'PUBLISHED', 'SEV1', $2,
           'the standby was promoted without its connection pool', 'CONFIG', $1, 'u-old', $1, $1, NULL)`,
        [at, symptom],
      )
      await c.query(`INSERT INTO "PostmortemAuthor" VALUES ('pm-old', 'u-old')`)
      await c.query(
        `INSERT INTO "Hypothesis" (id, "postmortemId", position, statement, status, evidence) VALUES
          ('h-old-1', 'pm-old', 0, 'DNS cache kept the old primary', 'ELIMINATED', 'TTL was 5 s'),
          ('h-old-2', 'pm-old', 1, 'connection pool exhausted on the standby', 'CONFIRMED', 'pool at 100/100')`,
      )
      await c.query(
        `INSERT INTO "Lesson" (id, "postmortemId", position, text) VALUES ('le-old', 'pm-old', 0, 'Rehearse failover monthly')`,
      )
    })
    const rowsBefore = await oldRows(database)

    expect(await migrate(database.target)).toEqual(older.later)
    const columns = Object.fromEntries(
      Object.entries(rowsBefore).map(([table, rows]) => [table, Object.keys(rows[0]!)]),
    )
    expect(await oldRows(database, columns)).toEqual(rowsBefore)

    // The application, now on the upgraded database.
    for (const [key, value] of Object.entries(database.env)) process.env[key] = value
    if (database.target.kind === 'pglite') delete process.env.DATABASE_URL
    const { db } = await import('../db')
    const { searchPostmortems } = await import('../postmortems/search-postmortems')
    const { searchInput } = await import('../postmortems/schemas')
    const { reindexSearchIfStale } = await import('../postmortems/reindex-search')
    const { getPostmortem } = await import('../postmortems/get-postmortem')

    const olga = await db.user.findUniqueOrThrow({ where: { id: 'u-old' } })
    expect(olga).toMatchObject({ role: 'EDITOR', deactivatedAt: null, removedAt: null })
    const actor = { id: olga.id, name: olga.name, email: olga.email, role: olga.role }
    const view = await getPostmortem({
      actor,
      number: (await db.postmortem.findUniqueOrThrow({ where: { id: 'pm-old' } })).number,
    })
    if (!view.ok) throw new Error(view.error.code)
    expect(view.data.document).toMatchObject({
      title: 'Replica failover stalled the checkout',
      symptom,
      hypotheses: [
        { statement: 'DNS cache kept the old primary', status: 'ELIMINATED' },
        { statement: 'connection pool exhausted on the standby', status: 'CONFIRMED' },
      ],
      lessons: [{ text: 'Rehearse failover monthly' }],
    })

    // What `npm start` does after migrating: the older version built no search documents, so
    // they are rebuilt, once.
    expect(await reindexSearchIfStale()).toBe(1)
    expect(await reindexSearchIfStale()).toBeNull()

    const titles = async (q: string, extra: object = {}) =>
      (await searchPostmortems({ actor, input: searchInput.parse({ q, ...extra }) })).results.map(
        (r) => r.title,
      )
    expect(await titles('failover checkout')).toEqual(['Replica failover stalled the checkout'])
    expect(await titles('connection pool', { scope: 'confirmed' })).toEqual([
      'Replica failover stalled the checkout',
    ])
    expect(await titles('DNS cache', { scope: 'confirmed' })).toEqual([])
    expect(await titles('DNS cache', { scope: 'hypotheses' })).toEqual([
      'Replica failover stalled the checkout',
    ])
    // Typo correction needs the vocabulary (SearchWord), which the later migration added.
    expect(await db.searchWord.count({ where: { word: { in: ['failover', 'standby'] } } })).toBe(2)
    expect(await titles('failovr')).toEqual(['Replica failover stalled the checkout'])
  })
})

/** Rows of the older version's tables, with only the columns it had (later ones add columns). */
async function oldRows(database: TestDatabase, columns?: Record<string, string[]>) {
  return withConnection(database.target, async (c) => {
    const out: Record<string, Record<string, unknown>[]> = {}
    for (const table of ['User', 'Postmortem', 'PostmortemAuthor', 'Hypothesis', 'Lesson']) {
      const rows = (
        await c.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table}" t ORDER BY 1`)
      ).map((r) => JSON.parse(r.j) as Record<string, unknown>)
      const keep = columns?.[table] ?? Object.keys(rows[0] ?? {})
      out[table] = rows.map((row) => Object.fromEntries(keep.map((k) => [k, row[k]])))
    }
    return out
  })
}
