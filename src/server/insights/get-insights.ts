import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { actionItemCounts } from './action-item-counts'
import { timeToDetect, timeToResolve } from './durations'
import { countedStatuses, filteredPostmortems } from './filtered-postmortems'
import {
  incidentsByCategory,
  incidentsByFactor,
  incidentsByMonth,
  incidentsByService,
} from './incident-counts'
import { checklistLoop, lessonsWithoutItem } from './loop'
import type { InsightsInput } from './schemas'

/**
 * Every figure of the insights page over the postmortems the filters select, aggregated in SQL
 * (one query per figure over the same filtered set), for the page, the JSON API and its CSV.
 */
export async function getInsights({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor
  input: InsightsInput
  now?: Date
}): Promise<Result<Insights>> {
  if (!hasRole(actor, 'VIEWER')) return err('FORBIDDEN')
  const pm = filteredPostmortems(actor, input)
  // Figure after figure: one page should not take most of the server's connection pool.
  const [total] = await db.$queryRaw<{ count: number }[]>`${pm} SELECT count(*)::int AS count FROM pm`
  const byMonth = await incidentsByMonth(pm)
  const byService = await incidentsByService(pm)
  const byCategory = await incidentsByCategory(pm)
  const byFactor = await incidentsByFactor(pm)
  const detect = await timeToDetect(pm)
  const resolve = await timeToResolve(pm)
  const actionItems = await actionItemCounts(pm, now)
  const checklistItems = await checklistLoop(pm, input.launch)
  const lessons = await lessonsWithoutItem(pm)
  return ok({
    filters: input,
    statuses: [...countedStatuses(actor, input.scope)],
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
    loop: { checklistItems, lessons },
  })
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
  }
}
