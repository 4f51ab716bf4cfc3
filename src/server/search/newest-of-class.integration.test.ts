// @every-database: the server reads by steps, the embedded database by one plain query.
import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/generated/prisma/client'
import { insertGeneratedPostmortems } from '../../../scripts/lib/insert-generated-postmortems'
import { benchQueries } from '../../../scripts/lib/search-bench-queries'
import { db } from '../db'
import { CLASS_ORDER } from './match-classes'
import { CLASS_BOUNDS, newestOfClass, readsNewestFirst, type ClassBounds } from './newest-of-class'
import { queryForms } from './query-forms'

/*
 * On the server, a class's newest matches come from one of four steps (the newest postmortems,
 * a wider window when those held some, every match sorted, or the date index walked), chosen by
 * how many match. Whichever it takes, the page must be what ordering every match gives. Bounds
 * far smaller than the defaults make this corpus take each step: with a window of one postmortem
 * and one match "few" (or √limit of them, sized by the corpus and the page), common classes
 * walk; with a window of one in twenty, it is sized by the corpus.
 */
const N = 1200
const fields = ['p."titleVector"', 'p."keyVector"', 'p."searchVector"']
/** The embedded database reads by one plain query, whatever the bounds: the defaults alone. */
const bounds: ClassBounds[] = readsNewestFirst
  ? [
      CLASS_BOUNDS,
      { recent: 1, share: N * 2, few: 1, walkCost: 0 },
      { recent: 60, share: N * 2, few: 40, walkCost: 0 },
      { recent: 1, share: 20, few: 40, walkCost: 0 },
      { recent: 1, share: N * 2, few: 1, walkCost: 1 / N },
      { recent: N * 2, share: 1, few: N * 2, walkCost: 0 },
    ]
  : [CLASS_BOUNDS]
const conditions = [Prisma.sql`true`, Prisma.sql`p.status::text <> 'DRAFT' AND l.id IS NULL`]

beforeAll(async () => {
  await insertGeneratedPostmortems(N)
  await db.$executeRawUnsafe('ANALYZE')
}, 300_000)

async function everyMatchInOrder(field: string, query: string, rest: Prisma.Sql, limit: number) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"
    WHERE ${Prisma.raw(field)} @@ ${query}::tsquery AND ${rest}
    ORDER BY ${Prisma.raw(CLASS_ORDER)} LIMIT ${limit}`
  return rows.map((r) => r.id)
}

describe('newestOfClass', () => {
  it('gives the newest matches of a class, whichever way it finds them', async () => {
    let compared = 0
    let nonEmpty = 0
    for (const { q } of benchQueries) {
      const forms = (await queryForms(q))!
      for (const query of new Set([forms.exact, forms.corrected, forms.any]))
        for (const field of fields)
          for (const rest of conditions) {
            const expected = await everyMatchInOrder(field, query, rest, 20)
            if (expected.length) nonEmpty++
            for (const b of bounds) {
              const found = await newestOfClass({
                field: Prisma.raw(field),
                query,
                rest,
                limit: 20,
                bounds: b,
              })
              expect(found, `${q} in ${field}, bounds ${JSON.stringify(b)}`).toEqual(expected)
              compared++
            }
          }
    }
    expect(compared).toBeGreaterThan(100 * bounds.length)
    expect(nonEmpty).toBeGreaterThan(50)
  }, 120_000)

  it('reads on when the wider window ends short of the page', async () => {
    // 19 of the newest 300 hold a word, the next 400 none, and the oldest 5 do: the wider window
    // (twice 20 × 300 / 19 postmortems) meets 19, and the page needs one of the oldest.
    await db.$executeRaw`
      UPDATE "Postmortem" SET "searchVector" = "searchVector" || 'crowded'::tsvector
      WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (ORDER BY ${Prisma.raw(CLASS_ORDER)}) AS rank
                                   FROM "Postmortem" p) r WHERE rank <= 300 AND rank % 16 = 1)
         OR id IN (SELECT id FROM "Postmortem" p ORDER BY ${Prisma.raw(CLASS_ORDER.replaceAll('DESC', 'ASC'))} LIMIT 5)`
    const field = 'p."searchVector"'
    const expected = await everyMatchInOrder(field, `'crowded'`, Prisma.sql`true`, 20)
    expect(expected).toHaveLength(20)
    const found = await newestOfClass({
      field: Prisma.raw(field),
      query: `'crowded'`,
      rest: Prisma.sql`true`,
      limit: 20,
    })
    expect(found).toEqual(expected)
  })
})
