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
    sources: ItemSource[]
    /** Launches that waived it or marked it not applicable, and the incidents that followed there. */
    skippedAt: SkippedAt
  }[]
}

/**
 * What an item's card says of the launches that skipped it: how many, how many incidents
 * followed there, and the first few of them (those followed by incidents first, each with its
 * first incidents). A template used for years was skipped at a hundred launches; the loop on
 * /insights/loop counts them all.
 */
export type SkippedAt = {
  launches: number
  incidents: number
  shown: (ItemRecurrence & { moreIncidents: number })[]
}

/** Launches listed on an item's card, and incidents listed per launch; the rest are counted. */
const SHOWN = { launches: 3, incidents: 3 }

export function skippedAt(all: ItemRecurrence[]): SkippedAt {
  // Stable: launches followed by incidents first, the most first, else in the order read.
  const first = all.toSorted((a, b) => b.incidents.length - a.incidents.length).slice(0, SHOWN.launches)
  return {
    launches: all.length,
    incidents: all.reduce((sum, s) => sum + s.incidents.length, 0),
    shown: first.map((s) => ({
      ...s,
      incidents: s.incidents.slice(0, SHOWN.incidents),
      moreIncidents: Math.max(0, s.incidents.length - SHOWN.incidents),
    })),
  }
}
