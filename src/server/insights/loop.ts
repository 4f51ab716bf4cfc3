import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import type { CountedSet } from './filtered-postmortems'

/*
 * The loop: does a lesson become a check, is the check used at launches, does it catch
 * something (FAIL), is it waived, and did an incident follow a waiver? Launch checks are
 * counted at every launch (or the filtered one); the incidents after a waiver, and the lessons,
 * come from the counted postmortems.
 */

export type CheckOutcome = 'PENDING' | 'PASS' | 'FAIL' | 'NA' | 'WAIVED'

export type LoopItem = {
  id: string
  text: string
  templateId: string
  template: string
  archived: boolean
  /** Lessons it was learned from. */
  sources: number
  /** Launches that have a check copied from it. */
  launchCount: number
  passed: number
  failed: number
  waived: number
  notApplicable: number
  pending: number
  launches: { slug: string; name: string; status: CheckOutcome }[]
  /** Times a launch review was proposed it and dismissed it (decision 026), with the reasons. */
  dismissed: number
  dismissals: { slug: string; name: string; reason: string }[]
  /** Counted postmortems of launches where this check was waived. */
  incidentsAfterWaiver: { number: number; title: string; language: string | null; launch: string }[]
}

const MAX_ITEMS = 200
const MAX_LESSONS = 50

export async function checklistLoop({ client, pm }: CountedSet, launch: string | undefined) {
  const slug = launch ?? null
  const checks = Prisma.sql`"LaunchCheck" c JOIN "Launch" l ON l.id = c."launchId"`
  const inLaunch = Prisma.sql`(${slug}::text IS NULL OR l.slug = ${slug}::text)`
  const [items, launches, incidents, dismissals] = await Promise.all([
    client.$queryRaw<Omit<LoopItem, 'launches' | 'incidentsAfterWaiver' | 'dismissed' | 'dismissals'>[]>`
      WITH used AS (SELECT c.* FROM ${checks} WHERE c."checklistItemId" IS NOT NULL AND ${inLaunch})
      SELECT i.id, i.text, t.id AS "templateId", t.name AS template,
        (i."archivedAt" IS NOT NULL OR t."archivedAt" IS NOT NULL) AS archived,
        (SELECT count(*) FROM "ChecklistItemSource" s WHERE s."checklistItemId" = i.id)::int AS sources,
        count(DISTINCT u."launchId")::int AS "launchCount",
        count(u.id) FILTER (WHERE u.status = 'PASS')::int AS passed,
        count(u.id) FILTER (WHERE u.status = 'FAIL')::int AS failed,
        count(u.id) FILTER (WHERE u.status = 'WAIVED')::int AS waived,
        count(u.id) FILTER (WHERE u.status = 'NA')::int AS "notApplicable",
        count(u.id) FILTER (WHERE u.status = 'PENDING')::int AS pending
      FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"
      LEFT JOIN used u ON u."checklistItemId" = i.id
      WHERE (i."archivedAt" IS NULL AND t."archivedAt" IS NULL) OR u.id IS NOT NULL
      GROUP BY i.id, t.id
      ORDER BY waived DESC, failed DESC, "launchCount" DESC, t.name, i.position
      LIMIT ${MAX_ITEMS}`,
    client.$queryRaw<{ itemId: string; slug: string; name: string; status: CheckOutcome }[]>`
      SELECT c."checklistItemId" AS "itemId", l.slug, l.name, c.status::text AS status
      FROM ${checks} WHERE c."checklistItemId" IS NOT NULL AND ${inLaunch}
      ORDER BY l."plannedAt" DESC NULLS LAST, l."createdAt" DESC, c.position
      LIMIT 5000`,
    client.$queryRaw<
      { itemId: string; number: number; title: string; language: string | null; launch: string }[]
    >`${pm}
      SELECT DISTINCT c."checklistItemId" AS "itemId", pm.number, pm.title, pm.language, l.slug AS launch
      FROM ${checks} JOIN pm ON pm."launchId" = c."launchId"
      WHERE c.status = 'WAIVED' AND c."checklistItemId" IS NOT NULL AND ${inLaunch}
      ORDER BY pm.number`,
    client.$queryRaw<{ itemId: string; slug: string; name: string; reason: string }[]>`
      SELECT d."checklistItemId" AS "itemId", l.slug, l.name, d.reason
      FROM "LaunchProposalDismissal" d JOIN "Launch" l ON l.id = d."launchId"
      WHERE d."checklistItemId" IS NOT NULL AND ${inLaunch}
      ORDER BY d."createdAt" DESC
      LIMIT 5000`,
  ])
  const group = <T extends { itemId: string }>(rows: T[]) => {
    const map = new Map<string, Omit<T, 'itemId'>[]>()
    for (const { itemId, ...rest } of rows) map.set(itemId, [...(map.get(itemId) ?? []), rest])
    return map
  }
  const launchesOf = group(launches)
  const incidentsOf = group(incidents)
  const dismissalsOf = group(dismissals)
  return items.map((item): LoopItem => ({
    ...item,
    dismissed: dismissalsOf.get(item.id)?.length ?? 0,
    dismissals: dismissalsOf.get(item.id) ?? [],
    launches: launchesOf.get(item.id) ?? [],
    incidentsAfterWaiver: incidentsOf.get(item.id) ?? [],
  }))
}

/** Lessons of the counted postmortems that no checklist item was learned from. */
export async function lessonsWithoutItem({ client, pm }: CountedSet) {
  const unturned = Prisma.sql`NOT EXISTS (SELECT 1 FROM "ChecklistItemSource" s WHERE s."lessonId" = le.id)`
  const [[counts], lessons] = await Promise.all([
    // A join, not NOT EXISTS inside the FILTER: that runs once per lesson (seconds at 100k).
    client.$queryRaw<{ total: number; withoutItem: number }[]>`${pm}
      SELECT count(*)::int AS total, count(*) FILTER (WHERE s."lessonId" IS NULL)::int AS "withoutItem"
      FROM "Lesson" le JOIN pm ON pm.id = le."postmortemId"
      LEFT JOIN (SELECT DISTINCT "lessonId" FROM "ChecklistItemSource") s ON s."lessonId" = le.id`,
    client.$queryRaw<
      { id: string; number: number; title: string; language: string | null; text: string }[]
    >`${pm}
      SELECT le.id, pm.number, pm.title, pm.language, left(le.text, 300) AS text
      FROM "Lesson" le JOIN pm ON pm.id = le."postmortemId"
      WHERE ${unturned} ORDER BY pm.number DESC, le.position LIMIT ${MAX_LESSONS}`,
  ])
  return { total: counts?.total ?? 0, withoutItem: counts?.withoutItem ?? 0, lessons }
}
