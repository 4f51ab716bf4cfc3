// @every-database: each step is planned by each kind's own planner.
import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/generated/prisma/client'
import { insertGeneratedPostmortems } from '../../../scripts/lib/insert-generated-postmortems'
import { benchQueries } from '../../../scripts/lib/search-bench-queries'
import { db } from '../db'
import { CLASS_ORDER } from './match-classes'
import { CAP_BOUNDS, matchesToCap, type CapBounds } from './matches-to-cap'
import { readsNewestFirst } from './newest-of-class'
import { queryForms } from './query-forms'

/*
 * Search first asks whether a query has more matches than the cap: up to it, every match is
 * ranked; past it, only that is told. Common queries are read from the newest postmortems,
 * others through the word index. Whichever way, the answer must be every match, or that there
 * are more than the cap. With 1,200 postmortems the defaults read through the index all but
 * the commonest queries under the smallest cap (the index is cheap there): a smaller read cost
 * makes them read the others newest first.
 */
const N = 1200
const OLDEST_FIRST = CLASS_ORDER.replaceAll('DESC', 'ASC')
/**
 * The defaults, and a read cost small enough that 1,200 postmortems are read newest first. The
 * embedded database reads by one plain query, whatever the bounds: the defaults alone.
 */
const bounds: CapBounds[] = readsNewestFirst ? [CAP_BOUNDS, { ...CAP_BOUNDS, readCost: 0.05 }] : [CAP_BOUNDS]
const conditions = [Prisma.sql`true`, Prisma.sql`p.severity::text <> 'SEV1' AND l.id IS NULL`]

beforeAll(async () => {
  await insertGeneratedPostmortems(N)
  await db.$executeRawUnsafe('ANALYZE')
}, 300_000)

async function everyMatch(query: string, filters: Prisma.Sql) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"
    WHERE p."searchVector" @@ ${query}::tsquery AND ${filters}`
  return rows.map((r) => r.id).sort()
}

describe('matchesToCap', () => {
  it('gives every match up to the cap, and tells when there are more', async () => {
    const seen = { under: 0, past: 0 }
    for (const { q } of benchQueries) {
      const { any } = (await queryForms(q))!
      for (const filters of conditions) {
        const all = await everyMatch(any, filters)
        for (const cap of [20, 100, 500])
          for (const b of bounds) {
            const found = await matchesToCap({
              column: 'searchVector',
              query: any,
              filters,
              cap,
              bounds: b,
            })
            const label = `${q}, cap ${cap}, ${all.length} matches, ${JSON.stringify(b)}`
            if (all.length > cap) {
              expect(found, label).toEqual({ pastCap: true })
              seen.past++
            } else {
              expect(found, label).toEqual({ pastCap: false, ids: expect.any(Array) })
              if (!found.pastCap) expect([...found.ids].sort(), label).toEqual(all)
              seen.under++
            }
          }
      }
    }
    expect(seen.past).toBeGreaterThan(20)
    expect(seen.under).toBeGreaterThan(20)
  }, 120_000)

  it('reads on through the index when the newest hold most matches but not all', async () => {
    // The newest 100 and the oldest 50 hold a word: the newest-first read meets 100, not 101.
    await db.$executeRaw`
      UPDATE "Postmortem" SET "searchVector" = "searchVector" || 'crowded'::tsvector
      WHERE id IN (SELECT id FROM "Postmortem" p ORDER BY ${Prisma.raw(CLASS_ORDER)} LIMIT 100)
         OR id IN (SELECT id FROM "Postmortem" p ORDER BY ${Prisma.raw(OLDEST_FIRST)} LIMIT 50)`
    const query = `'crowded'`
    const all = await everyMatch(query, Prisma.sql`true`)
    expect(all).toHaveLength(150)
    for (const b of bounds) {
      const upTo = (cap: number) =>
        matchesToCap({ column: 'searchVector', query, filters: Prisma.sql`true`, cap, bounds: b })
      expect(await upTo(100)).toEqual({ pastCap: true })
      const under = await upTo(150)
      expect(under.pastCap).toBe(false)
      if (!under.pastCap) expect(under.ids.sort()).toEqual(all)
    }
  })
})
