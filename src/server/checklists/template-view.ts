import 'server-only'
import type { ItemRecurrence } from './recurrence'
import type { ItemSource } from './sources'

export type TemplateView = {
  id: string
  name: string
  description: string
  version: number
  archivedAt: Date | null
  items: {
    id: string
    text: string
    rationale: string
    category: string
    required: boolean
    version: number
    archivedAt: Date | null
    /** The lessons' words are left out: the card names each incident, not the lesson. */
    sources: ShownSource[]
    /** Launches that waived it or marked it not applicable, and the incidents that followed there. */
    skippedAt: SkippedAt
  }[]
}

/** An item's source as its card shows it (ItemSources). */
export type ShownSource = Omit<ItemSource, 'lesson'>

/**
 * What an item's card says of the launches that skipped it: how many, how many incidents
 * followed there, the first few of them (those followed by incidents first, each with its
 * newest incidents), and how many others there are: those are sent when someone asks for them
 * (getOtherSkips). An item of a template used for two years was skipped at forty launches,
 * followed by a hundred incidents; fifty such items sent every launch made a page of 600 KB.
 */
export type SkippedAt = {
  launches: number
  incidents: number
  shown: ShownSkip[]
  others: number
}

/** A launch that skipped the item, with its newest incidents and how many more followed there. */
export type ShownSkip = ItemRecurrence & { moreIncidents: number }

/**
 * Launches listed on an item's card, and incidents listed per launch (the newest); the rest are
 * counted. One incident a launch: three made each red line wrap to three lines, a template of
 * fifty items a page of 2,000 elements (decision 064).
 */
const SHOWN = { launches: 3, incidents: 1 }

/** An item's skips as its card shows them, and the others, in the same order and cut. */
export function skippedAt(all: ItemRecurrence[]): { card: SkippedAt; others: ShownSkip[] } {
  // Stable: launches followed by incidents first, the most first, else in the order read.
  const sorted = all.toSorted((a, b) => b.incidents.length - a.incidents.length)
  const cut = (s: ItemRecurrence): ShownSkip => ({
    ...s,
    incidents: s.incidents.slice(0, SHOWN.incidents),
    moreIncidents: Math.max(0, s.incidents.length - SHOWN.incidents),
  })
  const others = sorted.slice(SHOWN.launches).map(cut)
  return {
    card: {
      launches: all.length,
      incidents: all.reduce((sum, s) => sum + s.incidents.length, 0),
      shown: sorted.slice(0, SHOWN.launches).map(cut),
      others: others.length,
    },
    others,
  }
}
