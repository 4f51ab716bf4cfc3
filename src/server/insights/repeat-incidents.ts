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
  earlierNumber: number
  earlierTitle: string
  earlierLanguage: string | null
  services: string[]
  shared: string[]
  checkId: string | null
  checkText: string | null
  checkCreatedAt: Date | null
}

export async function repeatIncidents({ client, pm }: CountedSet) {
  const rows = await client.$queryRaw<Row[]>`${pm}
    SELECT b.id, b.number, b.title, b.language, b.at,
      a.number AS "earlierNumber", a.title AS "earlierTitle", a.language AS "earlierLanguage",
      ARRAY(SELECT s.name FROM "PostmortemService" x JOIN "PostmortemService" y ON y."serviceId" = x."serviceId"
            JOIN "Service" s ON s.id = x."serviceId"
            WHERE x."postmortemId" = b.id AND y."postmortemId" = a.id ORDER BY s.name) AS services,
      r.shared, k.id AS "checkId", k.text AS "checkText", k."createdAt" AS "checkCreatedAt"
    FROM pm b
    JOIN "PostmortemRepeat" r ON r."postmortemId" = b.id
    JOIN "Postmortem" a ON a.id = r."earlierId" AND a.status = 'PUBLISHED'
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
        when: 'without',
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
  for (const incident of incidents) incident.when = whenOf(incident)
  const count = (when: RepeatWhen) => incidents.filter((i) => i.when === when).length
  return {
    total: incidents.length,
    after: count('after'),
    before: count('before'),
    without: count('without'),
    /** Published postmortems of the counted set not yet compared (they are being compared now). */
    pending: await pendingRepeats(client, Prisma.sql`${pm} SELECT id FROM pm`),
    incidents: incidents.slice(0, MAX_LISTED),
  }
}

/** After, when any earlier incident's check existed at the time; else before, when one came later; else without. */
function whenOf(incident: RepeatIncident): RepeatWhen {
  const checks = incident.earlier.flatMap((e) => (e.check ? [e.check.createdAt.getTime()] : []))
  if (checks.some((t) => t <= incident.at.getTime())) return 'after'
  return checks.length ? 'before' : 'without'
}
