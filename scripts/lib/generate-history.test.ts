import { describe, expect, it } from 'vitest'
import { planHistory } from './generate-history'

const now = new Date('2026-06-15T08:00:00Z')
const ownerIds = ['owner-a', 'owner-b', 'owner-c']
/** The plan with every generated id replaced: ids are random, the history is not. */
const withoutIds = (plan: ReturnType<typeof planHistory>) =>
  JSON.stringify(plan, (_, value: unknown) =>
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value) ? 'id' : value,
  )

describe('planHistory', () => {
  it('gives the same history for the same seed, size and end, another for another seed', () => {
    const plan = planHistory({ n: 120, now, ownerIds })
    expect(withoutIds(planHistory({ n: 120, now, ownerIds }))).toBe(withoutIds(plan))
    const other = planHistory({ n: 120, now, seed: 20, ownerIds })
    expect(other.postmortems.map((p) => p.title)).not.toEqual(plan.postmortems.map((p) => p.title))
  })

  it('keeps every time within the two years before now, in the order things happen', () => {
    const { postmortems, items, launches } = planHistory({ n: 400, now, ownerIds })
    const start = now.getTime() - 730 * 86_400_000
    const times = postmortems.flatMap((p) => [
      p.occurredAt,
      p.detectedAt,
      p.resolvedAt,
      p.createdAt,
      p.publishedAt,
      ...p.actionItems.flatMap((a) => [a.createdAt, a.doneAt, a.closedAt]),
    ])
    for (const t of times.filter((t) => t !== null)) {
      expect(t.getTime()).toBeGreaterThanOrEqual(start)
      expect(t.getTime()).toBeLessThanOrEqual(now.getTime())
    }
    // Numbered in the order written.
    expect(postmortems.map((p) => p.createdAt.getTime())).toEqual(
      postmortems.map((p) => p.createdAt.getTime()).sort((a, b) => a - b),
    )
    for (const p of postmortems)
      for (const a of p.actionItems) {
        expect(a.createdAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime())
        if (a.doneAt) expect(a.doneAt.getTime()).toBeGreaterThanOrEqual(a.createdAt.getTime())
        expect(a.status === 'DONE' || a.doneAt === null).toBe(true)
      }
    // A launch only checks items that existed, and were not archived, when it was prepared.
    for (const launch of launches)
      for (const check of launch.checks) {
        const item = items.find((i) => i.id === check.itemId)!
        expect(item.createdAt.getTime()).toBeLessThan(launch.createdAt.getTime())
        expect((item.archivedAt ?? now).getTime()).toBeGreaterThanOrEqual(launch.createdAt.getTime())
      }
  })
})
