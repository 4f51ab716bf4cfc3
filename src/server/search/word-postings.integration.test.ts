import { beforeAll, describe, expect, it } from 'vitest'
import { insertGeneratedPostmortems } from '../../../scripts/lib/insert-generated-postmortems'
import { db } from '../db'
import { matchEstimate, postingShare } from './word-postings'

/*
 * Search chooses how to count a query's matches from what the word index would read: the shares
 * of the postmortems that hold its words, as ANALYZE counted them. On 600 postmortems ANALYZE
 * reads every row, so its shares are the true ones for the words it keeps.
 */
const N = 600

beforeAll(async () => {
  await insertGeneratedPostmortems(N)
  await db.$executeRawUnsafe('ANALYZE "Postmortem"')
}, 300_000)

async function matches(query: string) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Postmortem" WHERE "searchVector" @@ ${query}::tsquery`
  return row!.n
}
const trueShare = async (query: string) => (await matches(query)) / N

describe('postingShare', () => {
  it('gives the share of postmortems that hold a common word, and sums the words of a query', async () => {
    const cache = await trueShare(`'cach'`)
    const han = await trueShare(`'缓存'`)
    expect(cache).toBeGreaterThan(0.1)
    expect(han).toBeGreaterThan(0.1)
    expect(await postingShare('searchVector', `'cach'`)).toBeCloseTo(cache, 2)
    expect(await postingShare('searchVector', `'缓存'`)).toBeCloseTo(han, 2)
    // Both words are read whether the query wants both or either; a word written twice, once.
    expect(await postingShare('searchVector', `('cach' & '缓存') | ('缓存' <-> '存未')`)).toBeGreaterThan(
      cache + han,
    )
    expect(await postingShare('searchVector', `'cach' & '缓存' | '缓存'`)).toBeCloseTo(cache + han, 2)
  })

  it('counts a prefix as every word it covers, twice, and a word it does not keep as rarer than any it keeps', async () => {
    const cache = await trueShare(`'cach'`)
    expect(await postingShare('searchVector', `'cach':*`)).toBeGreaterThanOrEqual(2 * cache - 0.01)
    const unknown = await postingShare('searchVector', `'zzyzxqq'`)
    expect(unknown).toBeGreaterThan(0)
    expect(unknown).toBeLessThan(0.05)
  })
})

describe('matchEstimate', () => {
  it('counts a query as its commonest alternative, and an alternative as its rarest word', async () => {
    const cache = await matches(`'cach'`)
    const han = await matches(`'缓存'`)
    expect(await matchEstimate('searchVector', `'cach'`)).toBeCloseTo(cache, -1)
    expect(await matchEstimate('searchVector', `'cach' | '缓存'`)).toBeCloseTo(Math.max(cache, han), -1)
    // Words found together: their rarest, never fewer than match (the product of their shares was).
    const both = await matches(`'cach' & '缓存'`)
    const estimate = (await matchEstimate('searchVector', `'cach' & '缓存'`))!
    expect(estimate).toBeCloseTo(Math.min(cache, han), -1)
    expect(estimate).toBeGreaterThanOrEqual(both)
    // A word the statistics do not keep: rarer than any they keep.
    expect(await matchEstimate('searchVector', `'zzyzxqq' & 'cach'`)).toBeLessThan(0.05 * N)
  })
})
