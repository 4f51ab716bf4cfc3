import 'server-only'
import { hasRole, type Actor } from '../roles'
import { err, ok, type Result } from '../result'
import { actionItemCounts } from './action-item-counts'
import { timeToDetect, timeToResolve } from './durations'
import { countedStatuses, withCountedSet } from './filtered-postmortems'
import { dataVersionCache } from '../data-version-cache'
import {
  incidentsByCategory,
  incidentsByFactor,
  incidentsByMonth,
  incidentsByService,
} from './incident-counts'
import { checklistLoop, lessonsWithoutItem } from './loop'
import { repeatIncidents } from './repeat-incidents'
import { kickRepeats } from '../postmortems/repeats'
import type { InsightsInput } from './schemas'
import type { PostmortemStatus } from '../postmortems/postmortem-status'

/** Figures by filters and counted statuses; ages and "overdue" move with the clock: a minute at most. */
const cachedFigures = dataVersionCache<Insights>('insights', { maxEntries: 32, ttlMs: 60_000 })

/**
 * Every figure of the insights page over the postmortems the filters select, aggregated in SQL
 * (one query per figure over the same filtered set), for the page, the JSON API and its CSV.
 */
export async function getInsights({
  actor,
  input,
  now,
}: {
  actor: Actor
  input: InsightsInput
  /** The clock (tests of figures that move with it); without it the figures may come from the cache. */
  now?: Date
}): Promise<Result<Insights>> {
  if (!hasRole(actor, 'VIEWER')) return err('FORBIDDEN')
  const statuses = countedStatuses(actor, input.scope)
  const insights = now
    ? await computeInsights(actor, input, statuses, now)
    : await cachedFigures(JSON.stringify({ input, statuses }), () =>
        computeInsights(actor, input, statuses, new Date()),
      )
  // Some were published and not yet compared (a kick lost with its process, an import): now.
  if (insights.loop.repeats.pending) kickRepeats()
  return ok(insights)
}

async function computeInsights(
  actor: Actor,
  input: InsightsInput,
  statuses: readonly PostmortemStatus[],
  now: Date,
): Promise<Insights> {
  const figures = await withCountedSet(actor, input, async (set) => {
    // Figure after figure, on one connection: one page should not take most of the pool.
    const [total] = await set.client.$queryRaw<
      { count: number }[]
    >`${set.pm} SELECT count(*)::int AS count FROM pm`
    return {
      total,
      byMonth: await incidentsByMonth(set),
      byService: await incidentsByService(set),
      byCategory: await incidentsByCategory(set),
      byFactor: await incidentsByFactor(set),
      detect: await timeToDetect(set),
      resolve: await timeToResolve(set),
      actionItems: await actionItemCounts(set, now),
      checklistItems: await checklistLoop(set, input.launch),
      lessons: await lessonsWithoutItem(set),
      repeats: await repeatIncidents(set),
    }
  })
  const {
    total,
    byMonth,
    byService,
    byCategory,
    byFactor,
    detect,
    resolve,
    actionItems,
    checklistItems,
    lessons,
    repeats,
  } = figures
  return {
    filters: input,
    statuses: [...statuses],
    generatedAt: now,
    incidents: {
      total: total?.count ?? 0,
      byMonth,
      byService: byService.services,
      withoutService: byService.withoutService,
      byCategory,
      byFactor: byFactor.factors,
      withoutFactor: byFactor.withoutFactor,
    },
    timeToDetect: detect,
    timeToResolve: resolve,
    actionItems,
    loop: { checklistItems, lessons, repeats },
  }
}

export type Insights = {
  filters: InsightsInput
  /** The postmortem statuses counted (the scope, as it applies to this reader). */
  statuses: string[]
  generatedAt: Date
  incidents: {
    total: number
    byMonth: Awaited<ReturnType<typeof incidentsByMonth>>
    byService: Awaited<ReturnType<typeof incidentsByService>>['services']
    withoutService: number
    byCategory: Awaited<ReturnType<typeof incidentsByCategory>>
    byFactor: Awaited<ReturnType<typeof incidentsByFactor>>['factors']
    withoutFactor: number
  }
  timeToDetect: Awaited<ReturnType<typeof timeToDetect>>
  timeToResolve: Awaited<ReturnType<typeof timeToResolve>>
  actionItems: Awaited<ReturnType<typeof actionItemCounts>>
  loop: {
    checklistItems: Awaited<ReturnType<typeof checklistLoop>>
    lessons: Awaited<ReturnType<typeof lessonsWithoutItem>>
    repeats: Awaited<ReturnType<typeof repeatIncidents>>
  }
}
