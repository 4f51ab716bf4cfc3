import { describe, expect, it } from 'vitest'
import { skippedAt } from './template-view'
import type { ItemRecurrence } from './recurrence'

const skip = (slug: string, incidents: number): ItemRecurrence => ({
  launch: { name: slug, slug },
  status: 'WAIVED',
  reason: 'later',
  incidents: Array.from({ length: incidents }, (_, i) => ({ number: i + 1, title: `PM ${i + 1}` })),
})

describe("an item's skipped launches on its template's card", () => {
  it('lists those followed by incidents first, the newest of each, and counts them all', () => {
    const { card, others } = skippedAt([skip('a', 0), skip('b', 1), skip('c', 0), skip('d', 5), skip('e', 0)])
    expect(card).toMatchObject({ launches: 5, incidents: 6, others: 2 })
    expect(card.shown.map((s) => [s.launch.slug, s.incidents.length, s.moreIncidents])).toEqual([
      ['d', 1, 4],
      ['b', 1, 0],
      ['a', 0, 0],
    ])
    // The others are sent when asked for, in the same order.
    expect(others.map((s) => s.launch.slug)).toEqual(['c', 'e'])
  })

  it('is empty for an item no launch skipped', () => {
    expect(skippedAt([])).toEqual({ card: { launches: 0, incidents: 0, shown: [], others: 0 }, others: [] })
  })
})
