import type { Route } from 'next'
import type { InsightsInput } from '@/server/insights/schemas'

type ListFilters = {
  severity?: string
  service?: string
  category?: string
  factor?: string
  from?: string
  to?: string
}

/** The list's filters, in the order its links write them. */
const listKeys = ['severity', 'launch', 'tag', 'service', 'category', 'factor', 'from', 'to'] as const

/** A query value as URLSearchParams writes it (a space as "+", !'()~ escaped). */
const queryValue = (value: string) =>
  encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The postmortem list behind a figure: the insights filters it understands (all of them but the
 * scope, which becomes `status=PUBLISHED`), narrowed by the figure's own. A page of figures asks
 * for two hundred of these: written out directly, not through URLSearchParams, each costs a
 * third as much (decision 052).
 */
export function listHref(input: InsightsInput, extra: ListFilters = {}): Route {
  const filters: Partial<Record<(typeof listKeys)[number], string>> = input
  let query = input.scope === 'published' ? 'status=PUBLISHED' : ''
  for (const key of listKeys) {
    const value = Object.hasOwn(extra, key) ? extra[key as keyof ListFilters] : filters[key]
    if (typeof value === 'string' && value) query += `${query ? '&' : ''}${key}=${queryValue(value)}`
  }
  return `/postmortems?${query}` as Route
}

/** "2026-02" → the days of that month within the filter's period. */
export function monthRange(input: InsightsInput, month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = `${month}-01`
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return {
    from: input.from && input.from > first ? input.from : first,
    to: input.to && input.to < last ? input.to : last,
  }
}

/** The query string of these filters, without the default scope ('' when there are none). */
function filterQuery(input: Partial<InsightsInput>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(input))
    if (typeof value === 'string' && value && !(key === 'scope' && value === 'published'))
      params.set(key, value)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** The JSON API (or its CSV) for the same filters. */
export function apiHref(input: InsightsInput, format: 'json' | 'csv'): string {
  return `/api/v1/insights${filterQuery(input, format === 'csv' ? { format: 'csv' } : {})}`
}

/** The insights pages: the overview and its two long lists. */
export type InsightsView = 'overview' | 'loop' | 'repeats'

/** An insights page for the same filters. */
export function insightsHref(input: Partial<InsightsInput>, view: InsightsView): Route {
  return `/insights${view === 'overview' ? '' : `/${view}`}${filterQuery(input)}` as Route
}
