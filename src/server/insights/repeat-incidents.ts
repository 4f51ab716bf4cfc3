import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { pendingRepeats } from '../postmortems/repeats'
import type { CountedSet } from './filtered-postmortems'

/*
 * The last turn of the loop: counted incidents that repeat an earlier published one
 * (postmortems/repeats.ts), each placed against the check learned from the earlier incident —
 * the first checklist item made from one of its lessons. After: the check existed when the
 * incident happened and did not prevent it. Before: the check came only later. Without: no
 * lesson of the earlier incident became a check.
 */

export type RepeatWhen = 'after' | 'before' | 'without'

export type RepeatIncident = {
  number: number
  title: string
  language: string | null
  at: Date
  when: RepeatWhen
  earlier: {
    number: number
    title: string
    language: string | null
    /** The services both name. */
    services: string[]
    /** The keywords both say. */
    shared: string[]
    /** The first checklist item learned from the earlier incident, when there is one. */
    check: { id: string; text: string; createdAt: Date } | null
  }[]
}

const MAX_LISTED = 50

type Row = {
  id: string
  number: number
  title: string
  language: string | null
  at: Date
  when: RepeatWhen
  total: number
  after: number
  before: number
  without: number
  earlierNumber: number
  earlierTitle: string
  earlierLanguage: string | null
  services: string[]
  shared: string[]
  checkId: string | null
  checkText: string | null
  checkCreatedAt: Date | null
}

/**
 * The repeats, counted over every counted incident, and the newest MAX_LISTED with their earlier
 * incidents, in one statement. Each incident is after, before or without by its earlier incidents'
 * first checks (each read once, `first_check`); only the listed ones read their titles, shared
 * services and checks: reading those for every pair cost a second at 10,000 postmortems and
 * 37,000 pairs, for fifty shown (decision 068). Both incidents of a pair are published when they
 * are compared (repeats.ts), and a published postmortem stays published: no status is read.
 */
export async function repeatIncidents({ client, pm }: CountedSet) {
  const rows = await client.$queryRaw<Row[]>`${pm},
    first_check AS MATERIALIZED (
      SELECT le."postmortemId" AS id, min(i."createdAt") AS at FROM "Lesson" le
      JOIN "ChecklistItemSource" src ON src."lessonId" = le.id
      JOIN "ChecklistItem" i ON i.id = src."checklistItemId"
      GROUP BY le."postmortemId"
    ), per AS MATERIALIZED (
      SELECT b.id,
        CASE WHEN bool_or(c.at <= b.at) THEN 'after' WHEN bool_or(c.at IS NOT NULL) THEN 'before' ELSE 'without' END AS "when"
      FROM pm b
      JOIN "PostmortemRepeat" r ON r."postmortemId" = b.id
      LEFT JOIN first_check c ON c.id = r."earlierId"
      GROUP BY b.id
    ), listed AS (
      SELECT per.* FROM per JOIN pm b ON b.id = per.id ORDER BY b.at DESC, b.number DESC LIMIT ${MAX_LISTED}
    )
    SELECT b.id, b.number, b.title, b.language, b.at, l."when",
      (SELECT count(*) FROM per)::int AS total,
      (SELECT count(*) FILTER (WHERE "when" = 'after') FROM per)::int AS after,
      (SELECT count(*) FILTER (WHERE "when" = 'before') FROM per)::int AS before,
      (SELECT count(*) FILTER (WHERE "when" = 'without') FROM per)::int AS without,
      a.number AS "earlierNumber", a.title AS "earlierTitle", a.language AS "earlierLanguage",
      ARRAY(SELECT s.name FROM "PostmortemService" x JOIN "PostmortemService" y ON y."serviceId" = x."serviceId"
            JOIN "Service" s ON s.id = x."serviceId"
            WHERE x."postmortemId" = b.id AND y."postmortemId" = a.id ORDER BY s.name) AS services,
      r.shared, k.id AS "checkId", k.text AS "checkText", k."createdAt" AS "checkCreatedAt"
    FROM listed l
    JOIN pm b ON b.id = l.id
    JOIN "PostmortemRepeat" r ON r."postmortemId" = b.id
    JOIN "Postmortem" a ON a.id = r."earlierId"
    LEFT JOIN LATERAL (
      SELECT i.id, i.text, i."createdAt" FROM "Lesson" le
      JOIN "ChecklistItemSource" src ON src."lessonId" = le.id
      JOIN "ChecklistItem" i ON i.id = src."checklistItemId"
      WHERE le."postmortemId" = a.id ORDER BY i."createdAt", i.id LIMIT 1) k ON true
    ORDER BY b.at DESC, b.number DESC, r.coverage DESC, a.number`
  const incidents: RepeatIncident[] = []
  for (const row of rows) {
    let incident = incidents.at(-1)
    if (incident?.number !== row.number) {
      incident = {
        number: row.number,
        title: row.title,
        language: row.language,
        at: row.at,
        when: row.when,
        earlier: [],
      }
      incidents.push(incident)
    }
    incident.earlier.push({
      number: row.earlierNumber,
      title: row.earlierTitle,
      language: row.earlierLanguage,
      services: row.services,
      shared: row.shared,
      check: row.checkId ? { id: row.checkId, text: row.checkText!, createdAt: row.checkCreatedAt! } : null,
    })
  }
  const { total = 0, after = 0, before = 0, without = 0 } = rows[0] ?? {}
  return {
    total,
    after,
    before,
    without,
    /** Published postmortems of the counted set not yet compared (they are being compared now). */
    pending: await pendingRepeats(client, Prisma.sql`${pm} SELECT id FROM pm`),
    incidents,
  }
}
