import { z } from 'zod'
import { severities } from '../postmortems/schemas'
import { storedText } from '../stored-text'

/*
 * The insights filters, from a query string (the page's GET form and GET /api/v1/insights).
 * Unlike the list's filters, a bad value is refused with the field it concerns, not dropped:
 * figures computed over another set than the one asked for would mislead. An empty value
 * (the form's "All") means no filter. Messages are i18n keys under `Validation`.
 */

/** Which postmortems count: published ones (the default, the same for every role), or all. */
export const insightScopes = ['published', 'all'] as const
export type InsightScope = (typeof insightScopes)[number]

const blank = z.literal('').transform(() => undefined)
/** A name, or nothing when empty or only spaces (the form's "All" sends an empty value). */
const name = (max: number) =>
  storedText()
    .trim()
    .max(max, 'tooLong')
    .transform((v) => v || undefined)
    .optional()
const day = z.iso.date('invalidDate').optional().or(blank)

export const insightsInput = z
  .object({
    /** First and last day of the period, inclusive, in UTC, on the incident date. */
    from: day,
    to: day,
    service: name(50),
    tag: name(50),
    severity: z.enum(severities, 'invalidChoice').optional().or(blank),
    /** A contributing factor's id. */
    factor: z.uuid('invalidChoice').optional().or(blank),
    /** A launch's slug. */
    launch: name(100),
    scope: z
      .enum(insightScopes, 'invalidChoice')
      .optional()
      .or(blank)
      .transform((v) => v ?? 'published'),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'dateOrder' })
export type InsightsInput = z.infer<typeof insightsInput>

/** The filters that narrow the counted postmortems (the scope only says which ones count). */
export const insightFilters = ['from', 'to', 'service', 'tag', 'factor', 'severity', 'launch'] as const

export const insightFormats = ['json', 'csv'] as const

/**
 * Upper bounds (seconds, exclusive) of the duration histograms' buckets: under 5 min, 5–15 min,
 * 15 min–1 h, 1–4 h, 4–24 h, 1–7 days, then 7 days and more. Fixed, so histograms of two
 * periods compare bar by bar.
 */
export const durationBucketBounds = [300, 900, 3_600, 14_400, 86_400, 604_800] as const
