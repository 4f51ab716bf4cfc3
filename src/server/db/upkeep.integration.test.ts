import { describe, expect, it } from 'vitest'
import { insertGeneratedPostmortems } from '../../../scripts/lib/insert-generated-postmortems'
import { db } from '../db'
import { upkeep, upkeepDue, upkeepWhenDue } from './upkeep'

/*
 * What the embedded database never did for itself (PGlite has no autovacuum) and the server
 * process now does: reuse the space of the copies that edits leave behind, and count the tables
 * for the planner and for search's cost rules.
 */
const N = 200

/** The first `count` postmortems saved `times` times, as autosaves do: a new copy of each row every time. */
async function saveEach(times: number, count = N) {
  for (let i = 0; i < times; i++)
    await db.$executeRaw`UPDATE "Postmortem" SET summary = summary || ' ', "updatedAt" = now() WHERE number <= ${count}`
}

const heapBytes = async () => {
  const [row] = await db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_relation_size('"Postmortem"') AS bytes`
  return Number(row!.bytes)
}

describe('upkeep', () => {
  it('lets saves reuse the space earlier saves left, and counts the postmortems and their words', async () => {
    await insertGeneratedPostmortems(N)
    const fresh = await heapBytes()
    await saveEach(4)
    const saved = await heapBytes()
    expect(saved).toBeGreaterThan(fresh * 2)

    await upkeep()
    await saveEach(4)
    // Without the upkeep the table grows by as much again; with it, the saves fit where the old copies were.
    expect((await heapBytes()) - saved).toBeLessThan((saved - fresh) / 4)

    const [counted] = await db.$queryRaw<{ reltuples: number; words: boolean }[]>`
      SELECT c.reltuples::float8 AS reltuples,
        EXISTS (SELECT 1 FROM pg_stats s WHERE s.tablename = 'Postmortem' AND s.attname = 'searchVector'
          AND s.most_common_elems IS NOT NULL) AS words
      FROM pg_class c WHERE c.oid = '"Postmortem"'::regclass`
    expect(counted!.reltuples).toBe(N)
    expect(counted!.words).toBe(true)
  })

  it('runs when the worker starts, then only once enough rows have changed', async () => {
    const due = upkeepWhenDue()
    expect(await due()).toBe(true)
    expect(await due()).toBe(false)
    // Ten saves: fewer than the 50 changes it waits for at the least.
    await saveEach(1, 10)
    expect(await due()).toBe(false)
    await saveEach(10)
    expect(await due()).toBe(true)
    expect(await due()).toBe(false)
  })

  it('runs again once a tenth of the rows (and 50) have changed since the last time', () => {
    expect(upkeepDue({ changed: 49, rows: 0 })).toBe(false)
    expect(upkeepDue({ changed: 50, rows: 0 })).toBe(true)
    expect(upkeepDue({ changed: 1_049, rows: 10_000 })).toBe(false)
    expect(upkeepDue({ changed: 1_050, rows: 10_000 })).toBe(true)
  })
})
