import type { Route } from 'next'
import type { Insights } from '@/server/insights/get-insights'

/*
 * What the loop's and the repeats' sections show of the figures, cut on the server: they are
 * client components (decision 037), and a client component's props travel with the page. An item
 * of the loop can have hundreds of incidents after a waiver, and the page lists ten; the overview
 * lists none.
 */

/** Launches, incidents after a waiver and dismissals listed per checklist item; the rest are counted. */
const SHOWN = { launches: 5, incidents: 10, dismissals: 5 }
/** Each repeat lists its closest earlier incidents (the overview, the closest); the JSON has them all. */
const SHOWN_EARLIER = 3

type Loop = Insights['loop']

/** A list's first entries, and how many it holds. */
const head = <T>(items: T[], max: number) => ({ items: items.slice(0, max), count: items.length })

/** The overview (`overview`) shows the first few items as counts; the loop's page, every item as a card. */
export function shownLoop(loop: Loop, overview?: { items: number; lessons: number; allHref: Route }) {
  const items = overview ? loop.checklistItems.slice(0, overview.items) : loop.checklistItems
  return {
    checklistItems: items.map(({ launches, incidentsAfterWaiver, dismissals, ...item }) => ({
      ...item,
      launches: head(launches, overview ? 0 : SHOWN.launches),
      incidentsAfterWaiver: head(incidentsAfterWaiver, overview ? 0 : SHOWN.incidents),
      dismissals: head(dismissals, overview ? 0 : SHOWN.dismissals),
    })),
    itemCount: loop.checklistItems.length,
    lessons: {
      ...loop.lessons,
      lessons: overview ? loop.lessons.lessons.slice(0, overview.lessons) : loop.lessons.lessons,
    },
    allHref: overview?.allHref,
  }
}

export type ShownLoop = ReturnType<typeof shownLoop>
export type ShownLoopItem = ShownLoop['checklistItems'][number]

/** The newest repeats (the overview: a few, each with its closest earlier incident) and the checks learned from all their earlier incidents. */
export function shownRepeats(
  { incidents, ...repeats }: Loop['repeats'],
  overview?: { incidents: number; allHref: Route },
) {
  const earlierShown = overview ? 1 : SHOWN_EARLIER
  return {
    ...repeats,
    listed: (overview ? incidents.slice(0, overview.incidents) : incidents).map(
      ({ earlier, ...incident }) => ({
        ...incident,
        earlier: head(
          earlier.map(({ check: _check, ...e }) => e),
          earlierShown,
        ),
        // The checks learned from the earlier incidents, each once.
        checks: [
          ...new Map(earlier.flatMap((e) => (e.check ? [[e.check.id, e.check] as const] : []))).values(),
        ],
      }),
    ),
    /** The repeats the figures list (the newest 50, as the JSON). */
    listedOf: incidents.length,
    allHref: overview?.allHref,
  }
}

export type ShownRepeats = ReturnType<typeof shownRepeats>
