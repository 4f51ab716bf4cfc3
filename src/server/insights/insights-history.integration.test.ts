import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/generated/prisma/client'
import { person, unwrap } from '@/test/people'
import { generateHistory, historyServices, type HistorySummary } from '../../../scripts/lib/generate-history'
import { db } from '../db'
import { loadDemo } from '../demo/load-demo'
import { reindexSearch } from '../postmortems/reindex-search'
import type { Actor } from '../roles'
import { getInsights, type Insights } from './get-insights'
import { insightsInput } from './schemas'

/*
 * The demo plus a generated two-year history (scripts/lib/generate-history.ts, the one the
 * benchmarks seed), read through getInsights as the page and the API read it, and every figure
 * checked against SQL written here from the definitions (docs/decisions/020-insights.md), not
 * with the insights module's queries: the incident date as a CASE, periods as dates, durations
 * bucketed by intervals, due days compared as dates, percentiles interpolated in JavaScript.
 * Each chart must also show something a reader could use: several months, services, buckets.
 */

const now = new Date(process.env.HISTORY_NOW ?? Date.now())
const today = now.toISOString().slice(0, 10)
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10)
let viewer: Actor
let editor: Actor
let history: HistorySummary
/** The launch with the most incidents after a waived check. */
let waivedLaunch: string
/** About 400 to 100 days ago, SEV3: the first and last days are days with such an incident. */
let period: Query

type Query = Record<string, string>
const insights = async (actor: Actor, query: Query = {}) =>
  unwrap(await getInsights({ actor, input: insightsInput.parse(query), now }))

beforeAll(async () => {
  const admin = await person('Ada', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  unwrap(await loadDemo({ actor: admin }))
  history = await generateHistory({ n: 300, now })
  const [launch] = await db.$queryRaw<{ slug: string }[]>`
    SELECT l.slug FROM "Launch" l JOIN "Postmortem" p ON p."launchId" = l.id AND p.status = 'PUBLISHED'
    WHERE EXISTS (SELECT 1 FROM "LaunchCheck" k WHERE k."launchId" = l.id AND k.status = 'WAIVED')
    GROUP BY l.slug ORDER BY count(*) DESC, l.slug LIMIT 1`
  waivedLaunch = launch!.slug
  // Both days inclusive: a period that ends a day early or starts a day late loses an incident.
  const incidentDayNear = async (days: number) => {
    const [row] = await db.$queryRaw<{ day: string }[]>`
      SELECT to_char(COALESCE("occurredAt", "detectedAt", "createdAt"), 'YYYY-MM-DD') AS day
      FROM "Postmortem" WHERE status = 'PUBLISHED' AND severity = 'SEV3'
      ORDER BY abs(EXTRACT(EPOCH FROM COALESCE("occurredAt", "detectedAt", "createdAt") - ${daysAgo(days)}::timestamp))
      LIMIT 1`
    return row!.day
  }
  period = { from: await incidentDayNear(400), to: await incidentDayNear(100), severity: 'SEV3' }
})

// ───────────────────────── the figures, computed independently ─────────────────────────

/**
 * `WITH c AS (…), d AS (…)`: `c` the postmortems of the statuses, severity, service and launch
 * asked for, with their incident day; `d` those of them within the period: what every figure counts.
 */
function counted(query: Query, statuses: string[]) {
  const and = (condition: Prisma.Sql | false) => (condition ? Prisma.sql`AND ${condition}` : Prisma.empty)
  return Prisma.sql`WITH c AS (
    SELECT p.id, p.number, p.title, p.language, p.severity::text AS severity,
      p."rootCauseCategory"::text AS category, p."launchId", p."occurredAt" AS occurred,
      p."detectedAt" AS detected, p."resolvedAt" AS resolved,
      CASE WHEN p."occurredAt" IS NOT NULL THEN p."occurredAt"
           WHEN p."detectedAt" IS NOT NULL THEN p."detectedAt" ELSE p."createdAt" END AS day
    FROM "Postmortem" p
    WHERE p.status::text = ANY(${statuses}::text[])
    ${and(!!query.severity && Prisma.sql`p.severity::text = ${query.severity}`)}
    ${and(
      !!query.service &&
        Prisma.sql`p.id IN (SELECT ps."postmortemId" FROM "PostmortemService" ps, "Service" s
                            WHERE s.id = ps."serviceId" AND s.name = ${query.service})`,
    )}
    ${and(!!query.launch && Prisma.sql`p."launchId" IN (SELECT id FROM "Launch" WHERE slug = ${query.launch})`)}
  ), d AS (SELECT * FROM c WHERE true
    ${and(!!query.from && Prisma.sql`c.day::date >= ${query.from}::date`)}
    ${and(!!query.to && Prisma.sql`c.day::date <= ${query.to}::date`)})`
}

/** percentile_cont's definition: the value at rank p·(n−1) of the sorted list, interpolated. */
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null
  const rank = p * (sorted.length - 1)
  const below = sorted[Math.floor(rank)]!
  const above = sorted[Math.ceil(rank)]!
  return below + (above - below) * (rank - Math.floor(rank))
}

async function incidentFigures(query: Query, statuses: string[]) {
  const set = counted(query, statuses)
  const [{ total }] = await db.$queryRaw<[{ total: number }]>`${set} SELECT count(*)::int AS total FROM d`
  const months = await db.$queryRaw<({ month: string; total: number } & Record<string, number>)[]>`${set}
    SELECT to_char(m.month, 'YYYY-MM') AS month, count(d.id)::int AS total,
      count(d.id) FILTER (WHERE d.severity = 'SEV1')::int AS "SEV1",
      count(d.id) FILTER (WHERE d.severity = 'SEV2')::int AS "SEV2",
      count(d.id) FILTER (WHERE d.severity = 'SEV3')::int AS "SEV3",
      count(d.id) FILTER (WHERE d.severity = 'SEV4')::int AS "SEV4",
      count(d.id) FILTER (WHERE d.severity IS NULL)::int AS "NONE"
    FROM (SELECT min(day) AS first, max(day) AS last FROM d) span,
      generate_series(date_trunc('month', span.first), date_trunc('month', span.last), interval '1 month') AS m(month)
      LEFT JOIN d ON d.day >= m.month AND d.day < m.month + interval '1 month'
    GROUP BY m.month ORDER BY m.month`
  const services = await db.$queryRaw<{ name: string; count: number }[]>`${set}
    SELECT s.name, (SELECT count(*) FROM d WHERE EXISTS (
      SELECT 1 FROM "PostmortemService" ps WHERE ps."postmortemId" = d.id AND ps."serviceId" = s.id))::int AS count
    FROM "Service" s`
  const [{ without }] = await db.$queryRaw<[{ without: number }]>`${set}
    SELECT count(*)::int AS without FROM d WHERE d.id NOT IN (SELECT "postmortemId" FROM "PostmortemService")`
  const categories = await db.$queryRaw<{ category: string | null; count: number }[]>`${set}
    SELECT category, count(*)::int AS count FROM d GROUP BY category`
  const factors = await db.$queryRaw<{ id: string; name: string; count: number }[]>`${set}
    SELECT f.id, f.name, (SELECT count(*) FROM d WHERE EXISTS (
      SELECT 1 FROM "PostmortemFactor" pf WHERE pf."postmortemId" = d.id AND pf."factorId" = f.id))::int AS count
    FROM "ContributingFactor" f`
  const [{ withoutFactor }] = await db.$queryRaw<[{ withoutFactor: number }]>`${set}
    SELECT count(*)::int AS "withoutFactor" FROM d WHERE d.id NOT IN (SELECT "postmortemId" FROM "PostmortemFactor")`
  return {
    total,
    byMonth: months.map(({ month, total, ...bySeverity }) => ({ month, total, bySeverity })),
    byService: services.filter((s) => s.count > 0),
    withoutService: without,
    byCategory: categories,
    byFactor: factors.filter((f) => f.count > 0),
    withoutFactor,
  }
}

/** Bucket k holds durations under the k-th bound and at or over the one before it. */
const bucketBounds = ['5 minutes', '15 minutes', '1 hour', '4 hours', '24 hours', '7 days']

async function durationFigures(query: Query, statuses: string[], end: 'detected' | 'resolved') {
  const set = counted(query, statuses)
  const stop = Prisma.raw(`d.${end}`)
  const [counts] = await db.$queryRaw<[{ measured: number; missing: number; inconsistent: number }]>`${set}
    SELECT count(*) FILTER (WHERE ${stop} >= d.occurred)::int AS measured,
      count(*) FILTER (WHERE ${stop} IS NULL OR d.occurred IS NULL)::int AS missing,
      count(*) FILTER (WHERE ${stop} < d.occurred)::int AS inconsistent
    FROM d`
  const buckets: number[] = []
  for (let k = 0; k <= bucketBounds.length; k++) {
    const low = k ? Prisma.sql`${stop} - d.occurred >= ${bucketBounds[k - 1]}::interval` : Prisma.sql`true`
    const high = bucketBounds[k]
      ? Prisma.sql`${stop} - d.occurred < ${bucketBounds[k]}::interval`
      : Prisma.sql`true`
    const [{ n }] = await db.$queryRaw<[{ n: number }]>`${set}
      SELECT count(*)::int AS n FROM d WHERE ${stop} >= d.occurred AND ${low} AND ${high}`
    buckets.push(n)
  }
  const rows = await db.$queryRaw<{ occurred: Date; stop: Date }[]>`${set}
    SELECT d.occurred, ${stop} AS stop FROM d WHERE ${stop} >= d.occurred`
  const seconds = rows.map((r) => (r.stop.getTime() - r.occurred.getTime()) / 1000).sort((a, b) => a - b)
  return {
    ...counts,
    median: percentile(seconds, 0.5),
    p90: percentile(seconds, 0.9),
    min: seconds[0] ?? null,
    max: seconds.at(-1) ?? null,
    buckets,
  }
}

/** The follow-through counts of the action items `a`, with due days and done days as dates. */
const itemCounts = Prisma.sql`count(*)::int AS total,
  count(*) FILTER (WHERE a.status::text IN ('OPEN', 'IN_PROGRESS'))::int AS open,
  count(*) FILTER (WHERE a.status::text IN ('OPEN', 'IN_PROGRESS') AND a."dueDate"::date < ${today}::date)::int AS overdue,
  count(*) FILTER (WHERE a.status::text IN ('OPEN', 'IN_PROGRESS') AND a."dueDate" IS NULL)::int AS "openWithoutDueDate",
  count(*) FILTER (WHERE a.status::text = 'DONE')::int AS done,
  count(*) FILTER (WHERE a.status::text = 'DONE' AND a."doneAt"::date <= a."dueDate"::date)::int AS "doneOnTime",
  count(*) FILTER (WHERE a.status::text = 'DONE' AND a."doneAt"::date > a."dueDate"::date)::int AS "doneLate",
  count(*) FILTER (WHERE a.status::text = 'DONE' AND a."doneAt" IS NOT NULL AND a."dueDate" IS NULL)::int AS "doneWithoutDueDate",
  count(*) FILTER (WHERE a.status::text = 'DONE' AND a."doneAt" IS NULL)::int AS "doneWhenUnknown",
  count(*) FILTER (WHERE a.status::text = 'DONE' AND (a."evidenceLink" IS NOT NULL OR a."evidenceBefore" IS NOT NULL))::int AS "doneWithEvidence",
  count(*) FILTER (WHERE a.status::text = 'CANCELLED')::int AS cancelled`

async function actionItemFigures(query: Query, statuses: string[]) {
  const set = counted(query, statuses)
  const items = Prisma.sql`"ActionItem" a WHERE a."postmortemId" IN (SELECT id FROM d)`
  const [overall] = await db.$queryRaw<[Record<string, number>]>`${set} SELECT ${itemCounts} FROM ${items}`
  const open = await db.$queryRaw<{ createdAt: Date }[]>`${set}
    SELECT a."createdAt" FROM ${items} AND a.status::text IN ('OPEN', 'IN_PROGRESS')`
  const ages = open.map((a) => (now.getTime() - a.createdAt.getTime()) / 1000).sort((x, y) => x - y)
  const byOwner = await db.$queryRaw<Record<string, unknown>[]>`${set}
    SELECT a."ownerId", (SELECT u.name FROM "User" u WHERE u.id = a."ownerId") AS owner, ${itemCounts}
    FROM ${items} GROUP BY a."ownerId"`
  const byService = await db.$queryRaw<Record<string, unknown>[]>`${set}
    SELECT s.name AS service, ${itemCounts}
    FROM "Service" s, "ActionItem" a
    WHERE a."postmortemId" IN (SELECT id FROM d)
      AND EXISTS (SELECT 1 FROM "PostmortemService" ps WHERE ps."postmortemId" = a."postmortemId" AND ps."serviceId" = s.id)
    GROUP BY s.name`
  return { ...overall, medianOpenAge: percentile(ages, 0.5), byOwner, byService }
}

async function loopFigures(query: Query, statuses: string[]) {
  const set = counted(query, statuses)
  const atLaunch = query.launch ? Prisma.sql`l.slug = ${query.launch}` : Prisma.sql`true`
  const checks = await db.$queryRaw<{ itemId: string; slug: string; name: string; status: string }[]>`
    SELECT k."checklistItemId" AS "itemId", l.slug, l.name, k.status::text AS status
    FROM "LaunchCheck" k JOIN "Launch" l ON l.id = k."launchId"
    WHERE k."checklistItemId" IS NOT NULL AND ${atLaunch}`
  const dismissals = await db.$queryRaw<{ itemId: string; slug: string; name: string; reason: string }[]>`
    SELECT d."checklistItemId" AS "itemId", l.slug, l.name, d.reason
    FROM "LaunchProposalDismissal" d JOIN "Launch" l ON l.id = d."launchId"
    WHERE d."checklistItemId" IS NOT NULL AND ${atLaunch}`
  const afterWaiver = await db.$queryRaw<
    { itemId: string; number: number; title: string; language: string | null; launch: string }[]
  >`${set}
    SELECT DISTINCT k."checklistItemId" AS "itemId", d.number, d.title, d.language, l.slug AS launch
    FROM d, "LaunchCheck" k, "Launch" l
    WHERE k."launchId" = d."launchId" AND l.id = k."launchId" AND k.status::text = 'WAIVED'
      AND k."checklistItemId" IS NOT NULL AND ${atLaunch}`
  const items = await db.$queryRaw<
    { id: string; text: string; templateId: string; template: string; archived: boolean; sources: number }[]
  >`SELECT i.id, i.text, t.id AS "templateId", t.name AS template,
      (i."archivedAt" IS NOT NULL OR t."archivedAt" IS NOT NULL) AS archived,
      (SELECT count(*) FROM "ChecklistItemSource" s WHERE s."checklistItemId" = i.id)::int AS sources
    FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"`
  const of = <T extends { itemId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.itemId === id).map(({ itemId: _, ...rest }) => rest)
  const count = (id: string, status: string) =>
    checks.filter((c) => c.itemId === id && c.status === status).length
  const checklistItems = items
    // Archived items are shown only where a launch (the filtered one) used them.
    .filter((item) => !item.archived || checks.some((c) => c.itemId === item.id))
    .map((item) => ({
      ...item,
      launchCount: new Set(of(checks, item.id).map((c) => c.slug)).size,
      passed: count(item.id, 'PASS'),
      failed: count(item.id, 'FAIL'),
      waived: count(item.id, 'WAIVED'),
      notApplicable: count(item.id, 'NA'),
      pending: count(item.id, 'PENDING'),
      launches: of(checks, item.id),
      dismissed: of(dismissals, item.id).length,
      dismissals: of(dismissals, item.id),
      incidentsAfterWaiver: of(afterWaiver, item.id),
    }))
  const [lessonCounts] = await db.$queryRaw<[{ total: number; withoutItem: number }]>`${set}
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE le.id NOT IN (SELECT "lessonId" FROM "ChecklistItemSource"))::int AS "withoutItem"
    FROM "Lesson" le WHERE le."postmortemId" IN (SELECT id FROM d)`
  const newest = await db.$queryRaw<
    { id: string; number: number; title: string; language: string | null; text: string }[]
  >`${set}
    SELECT le.id, d.number, d.title, d.language, left(le.text, 300) AS text
    FROM "Lesson" le JOIN d ON d.id = le."postmortemId"
    WHERE le.id NOT IN (SELECT "lessonId" FROM "ChecklistItemSource")
    ORDER BY d.number DESC, le.position LIMIT 50`
  return { checklistItems, lessons: { ...lessonCounts, lessons: newest } }
}

/**
 * Repeats: counted incidents paired with an earlier published one (the pairs are the comparison's
 * output; what is checked here is how they are counted), each after / before the first check
 * learned from an earlier one, or without any.
 */
async function repeatFigures(query: Query, statuses: string[]) {
  const [row] = await db.$queryRaw<
    [{ total: number; after: number; before: number; without: number }]
  >`${counted(query, statuses)},
    r AS (
      SELECT d.id, d.day,
        (SELECT min(i."createdAt") FROM "Lesson" le
           JOIN "ChecklistItemSource" s ON s."lessonId" = le.id JOIN "ChecklistItem" i ON i.id = s."checklistItemId"
           WHERE le."postmortemId" = a.id) AS since
      FROM d JOIN "PostmortemRepeat" x ON x."postmortemId" = d.id
      JOIN "Postmortem" a ON a.id = x."earlierId" AND a.status = 'PUBLISHED'),
    per AS (SELECT id, coalesce(bool_or(since <= day), false) AS after, bool_or(since IS NOT NULL) AS checked
            FROM r GROUP BY id)
    SELECT count(*)::int AS total, count(*) FILTER (WHERE after)::int AS after,
      count(*) FILTER (WHERE NOT after AND checked)::int AS before, count(*) FILTER (WHERE NOT checked)::int AS without
    FROM per`
  return row
}

// ─────────────────────────────── comparing ───────────────────────────────

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
const sorted = <T>(rows: T[], key: (row: T) => string) => [...rows].sort(byKey(key))
/** The order a figure's rows are shown in: most first. */
const descending = (values: number[]) => values.every((v, k) => k === 0 || values[k - 1]! >= v)

async function expectFiguresFromSql(figures: Insights, query: Query, statuses: string[]) {
  const incidents = await incidentFigures(query, statuses)
  expect(figures.incidents.total).toBe(incidents.total)
  expect(figures.incidents.byMonth).toEqual(incidents.byMonth)
  expect(sorted(figures.incidents.byService, (s) => s.name)).toEqual(
    sorted(incidents.byService, (s) => s.name),
  )
  expect(descending(figures.incidents.byService.map((s) => s.count))).toBe(true)
  expect(figures.incidents.withoutService).toBe(incidents.withoutService)
  const category = (c: { category: string | null }) => c.category ?? ''
  expect(sorted(figures.incidents.byCategory, category)).toEqual(sorted(incidents.byCategory, category))
  expect(descending(figures.incidents.byCategory.map((c) => c.count))).toBe(true)
  expect(sorted(figures.incidents.byFactor, (f) => f.id)).toEqual(sorted(incidents.byFactor, (f) => f.id))
  expect(descending(figures.incidents.byFactor.map((f) => f.count))).toBe(true)
  expect(figures.incidents.withoutFactor).toBe(incidents.withoutFactor)

  for (const [figure, end] of [
    [figures.timeToDetect, 'detected'],
    [figures.timeToResolve, 'resolved'],
  ] as const) {
    const { median, p90, ...counts } = await durationFigures(query, statuses, end)
    expect(figure).toMatchObject(counts)
    if (median === null) expect(figure.median).toBeNull()
    else expect(figure.median).toBeCloseTo(median, 3)
    if (p90 === null) expect(figure.p90).toBeNull()
    else expect(figure.p90).toBeCloseTo(p90, 3)
  }

  const { byOwner, byService, medianOpenAge, ...actionCounts } = await actionItemFigures(query, statuses)
  const { byOwner: owners, byService: services, medianOpenAge: age, ...counts } = figures.actionItems
  expect(counts).toEqual(actionCounts)
  if (medianOpenAge === null) expect(age).toBeNull()
  else expect(age).toBeCloseTo(medianOpenAge, 0)
  const owner = (o: { ownerId?: unknown }) => String(o.ownerId ?? '')
  expect(sorted(owners, owner)).toEqual(sorted(byOwner, owner))
  expect(descending(owners.map((o) => o.open))).toBe(true)
  const service = (s: { service?: unknown }) => String(s.service)
  expect(sorted(services, service)).toEqual(sorted(byService, service))
  expect(descending(services.map((s) => s.open))).toBe(true)

  const loop = await loopFigures(query, statuses)
  expect(loop.checklistItems.length).toBeLessThan(200) // under the page's cap: all are compared
  const item = (i: { id: string }) => i.id
  const launch = (l: { slug: string; status?: string }) => `${l.slug} ${l.status ?? ''}`
  const normalized = (items: typeof loop.checklistItems) =>
    sorted(items, item).map((i) => ({
      ...i,
      launches: sorted(i.launches, launch),
      dismissals: sorted(i.dismissals, launch),
      incidentsAfterWaiver: sorted(i.incidentsAfterWaiver, (p) => String(p.number).padStart(9, '0')),
    }))
  expect(normalized(figures.loop.checklistItems)).toEqual(normalized(loop.checklistItems))
  expect(descending(figures.loop.checklistItems.map((i) => i.waived))).toBe(true)
  expect(figures.loop.lessons).toEqual(loop.lessons)

  const { incidents: listed, pending, ...repeats } = figures.loop.repeats
  expect(pending).toBe(0)
  expect(repeats).toEqual(await repeatFigures(query, statuses))
  expect(listed).toHaveLength(Math.min(repeats.total, 50))
  expect(descending(listed.map((i) => i.at.getTime()))).toBe(true)
}

// ─────────────────────────────── the cases ───────────────────────────────

const nonEmpty = (counts: number[]) => counts.filter((n) => n > 0).length

describe('insights over a generated two-year history (checked against SQL)', () => {
  it('writes the history the benchmarks seed: two years of published postmortems, drafts, launches', async () => {
    expect(history).toMatchObject({ postmortems: 300, launches: 25 })
    expect(Date.parse(history.to) - Date.parse(history.from)).toBeGreaterThan(700 * 86_400_000)
    const statuses = await db.$queryRaw<{ status: string; n: number }[]>`
      SELECT status::text, count(*)::int AS n FROM "Postmortem" GROUP BY 1 ORDER BY 1`
    expect(statuses.map((s) => s.status)).toEqual(['DRAFT', 'IN_REVIEW', 'PUBLISHED'])
    expect(statuses.find((s) => s.status === 'PUBLISHED')!.n).toBeGreaterThan(250)
    // Its search documents are the app's own: a rebuild (npm start after an upgrade) finds the
    // same words, factor names included, so nothing is compared for repeats again.
    const compared = await db.postmortem.count({ where: { repeatsCheckedAt: { not: null } } })
    expect(compared).toBeGreaterThan(250)
    await reindexSearch()
    expect(await db.postmortem.count({ where: { repeatsCheckedAt: { not: null } } })).toBe(compared)
  })

  it('every figure with no filter, and every chart has something to show', async () => {
    const figures = await insights(viewer)
    await expectFiguresFromSql(figures, {}, ['PUBLISHED'])

    const { incidents, timeToDetect, timeToResolve, actionItems, loop } = figures
    expect(incidents.total).toBeGreaterThan(250)
    // Two years, month by month, every month with incidents, none with most of them.
    expect(incidents.byMonth.length).toBeGreaterThanOrEqual(24)
    expect(incidents.byMonth.filter((m) => m.total === 0).length).toBeLessThanOrEqual(1)
    expect(Math.max(...incidents.byMonth.map((m) => m.total))).toBeLessThan(incidents.total / 8)
    const bySeverity = (s: 'SEV1' | 'SEV2' | 'SEV3') =>
      incidents.byMonth.reduce((sum, m) => sum + m.bySeverity[s], 0)
    expect(bySeverity('SEV1')).toBeGreaterThan(0)
    expect(bySeverity('SEV1')).toBeLessThan(bySeverity('SEV2'))
    expect(bySeverity('SEV2')).toBeLessThan(bySeverity('SEV3'))
    expect(incidents.byService.map((s) => s.name).sort()).toEqual([...historyServices].sort())
    expect(incidents.byService[0]!.count).toBeLessThan(incidents.total * 0.6)
    expect(incidents.withoutService).toBeGreaterThan(0)
    expect(incidents.byCategory.length).toBeGreaterThanOrEqual(8)
    // Contributing factors: most of the taxonomy in use, the common ones most, some incidents with none.
    expect(incidents.byFactor.length).toBeGreaterThanOrEqual(8)
    expect(incidents.byFactor[0]!.count).toBeGreaterThan(incidents.byFactor.at(-1)!.count)
    expect(incidents.withoutFactor).toBeGreaterThan(0)

    // Skewed durations: minutes to detect, hours to resolve, a long tail, some times missing.
    expect(timeToDetect.median!).toBeGreaterThan(60)
    expect(timeToDetect.median!).toBeLessThan(2 * 3600)
    expect(timeToResolve.median!).toBeGreaterThan(timeToDetect.median!)
    expect(timeToResolve.p90!).toBeGreaterThan(2 * timeToResolve.median!)
    for (const d of [timeToDetect, timeToResolve]) {
      expect(d.measured).toBeGreaterThan(incidents.total * 0.8)
      expect(d.missing).toBeGreaterThan(0)
      expect(nonEmpty(d.buckets)).toBeGreaterThanOrEqual(4)
    }
    expect(timeToDetect.inconsistent + timeToResolve.inconsistent).toBeGreaterThan(0)

    // Follow-through in every state, spread over the owners and services.
    for (const key of [
      'open',
      'overdue',
      'openWithoutDueDate',
      'doneOnTime',
      'doneLate',
      'doneWithoutDueDate',
      'doneWhenUnknown',
      'doneWithEvidence',
      'cancelled',
    ] as const)
      expect(actionItems[key], key).toBeGreaterThan(0)
    expect(actionItems.doneOnTime).toBeGreaterThan(actionItems.doneLate)
    expect(actionItems.byOwner.filter((o) => o.total > 0).length).toBeGreaterThanOrEqual(6)
    expect(actionItems.byService.length).toBe(historyServices.length)
    expect(actionItems.medianOpenAge! / 86_400).toBeGreaterThan(1)
    expect(actionItems.medianOpenAge! / 86_400).toBeLessThan(365)

    // The loop: items learned from lessons, used at launches, some caught something, some were
    // waived and an incident followed; most lessons never became a check.
    const items = loop.checklistItems
    expect(items.filter((i) => i.sources > 0).length).toBeGreaterThanOrEqual(10)
    expect(items.filter((i) => i.sources === 0).length).toBeGreaterThan(0)
    expect(items.filter((i) => i.failed > 0).length).toBeGreaterThan(0)
    expect(items.filter((i) => i.pending > 0).length).toBeGreaterThan(0)
    expect(items.filter((i) => i.incidentsAfterWaiver.length > 0).length).toBeGreaterThan(3)
    expect(items.some((i) => i.dismissed > 0)).toBe(true)
    expect(items.filter((i) => i.launchCount > 1).length).toBeGreaterThan(10)
    expect(loop.lessons.withoutItem).toBeGreaterThan(loop.lessons.total / 2)
    expect(loop.lessons.withoutItem).toBeLessThan(loop.lessons.total)
    expect(loop.lessons.lessons).toHaveLength(50)
    // Some repeats came after the check learned from the earlier incident, some before, some had none.
    expect(loop.repeats.after).toBeGreaterThan(0)
    expect(loop.repeats.before).toBeGreaterThan(0)
    expect(loop.repeats.without).toBeGreaterThan(0)
    expect(loop.repeats.total).toBeLessThan(figures.incidents.total)
  })

  it('every figure for one service', async () => {
    const figures = await insights(viewer, { service: 'payments' })
    await expectFiguresFromSql(figures, { service: 'payments' }, ['PUBLISHED'])
    const all = await insights(viewer)
    expect(figures.incidents.total).toBeGreaterThan(10)
    expect(figures.incidents.total).toBeLessThan(all.incidents.total)
    // Every incident names the service, some a second one too.
    expect(figures.incidents.byService[0]).toEqual({ name: 'payments', count: figures.incidents.total })
    expect(figures.incidents.byService.length).toBeGreaterThan(1)
    expect(figures.incidents.withoutService).toBe(0)
    expect(figures.incidents.byMonth.length).toBeGreaterThan(12)
  })

  it('every figure for a period and a severity', async () => {
    const figures = await insights(viewer, period)
    await expectFiguresFromSql(figures, period, ['PUBLISHED'])
    expect(figures.incidents.total).toBeGreaterThan(30)
    expect(figures.incidents.byMonth.length).toBeGreaterThanOrEqual(10)
    expect(figures.incidents.byMonth.length).toBeLessThanOrEqual(11)
    expect(figures.incidents.byMonth.every((m) => m.bySeverity.SEV3 === m.total)).toBe(true)
    expect(figures.incidents.byService.length).toBeGreaterThan(1)
    expect(nonEmpty(figures.timeToResolve.buckets)).toBeGreaterThanOrEqual(3)
  })

  it('every figure for the launch with the most incidents after a waiver, its checks alone', async () => {
    const figures = await insights(viewer, { launch: waivedLaunch })
    await expectFiguresFromSql(figures, { launch: waivedLaunch }, ['PUBLISHED'])
    expect(figures.incidents.total).toBeGreaterThan(0)
    const used = figures.loop.checklistItems.filter((i) => i.launchCount > 0)
    // Exactly the items this launch was reviewed with (how many depends on the day the history ends).
    const [checks] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT k."checklistItemId")::int AS n FROM "LaunchCheck" k JOIN "Launch" l ON l.id = k."launchId"
      WHERE l.slug = ${waivedLaunch}`
    expect(checks!.n).toBeGreaterThan(0)
    expect(used).toHaveLength(checks!.n)
    expect(used.every((i) => i.launchCount === 1 && i.launches[0]!.slug === waivedLaunch)).toBe(true)
    expect(used.some((i) => i.incidentsAfterWaiver.length === figures.incidents.total)).toBe(true)
  })

  it('every figure over all statuses, for an editor', async () => {
    const figures = await insights(editor, { scope: 'all' })
    await expectFiguresFromSql(figures, {}, ['DRAFT', 'IN_REVIEW', 'PUBLISHED'])
    expect(figures.incidents.total).toBeGreaterThan((await insights(editor)).incidents.total)
  })
})
