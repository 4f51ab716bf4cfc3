import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { openActionItemStatuses } from '../action-item-status'
import type { CountedSet } from './filtered-postmortems'

/*
 * Follow-through of the action items of the counted postmortems. Open as everywhere (action-item-status.ts);
 * overdue is open past the end of its due day (as on My work: follow-through.ts, decision 021). Done on time: done (doneAt) before
 * the end of its due day; late: after it. Items done without a due date, and items done before
 * doneAt was recorded, are counted apart (docs/decisions/020-insights.md).
 */

export type ActionItemCounts = {
  total: number
  open: number
  overdue: number
  /** Open without a due date. */
  openWithoutDueDate: number
  done: number
  doneOnTime: number
  doneLate: number
  doneWithoutDueDate: number
  /** Done before the time of doing was recorded. */
  doneWhenUnknown: number
  /** Done with a link or a before → after figure (closeActionItem, decision 021). */
  doneWithEvidence: number
  cancelled: number
}

/** `a.status IN ('OPEN', 'IN_PROGRESS')`: the item is still to do. */
const open = Prisma.sql`a.status IN (${Prisma.raw(openActionItemStatuses.map((s) => `'${s}'`).join(', '))})`

const counts = (now: Date) => Prisma.sql`count(*)::int AS total,
  count(*) FILTER (WHERE ${open})::int AS open,
  count(*) FILTER (WHERE ${open} AND a."dueDate" + interval '1 day' <= ${now.toISOString()}::timestamp)::int AS overdue,
  count(*) FILTER (WHERE ${open} AND a."dueDate" IS NULL)::int AS "openWithoutDueDate",
  count(*) FILTER (WHERE a.status = 'DONE')::int AS done,
  count(*) FILTER (WHERE a.status = 'DONE' AND a."doneAt" < a."dueDate" + interval '1 day')::int AS "doneOnTime",
  count(*) FILTER (WHERE a.status = 'DONE' AND a."doneAt" >= a."dueDate" + interval '1 day')::int AS "doneLate",
  count(*) FILTER (WHERE a.status = 'DONE' AND a."doneAt" IS NOT NULL AND a."dueDate" IS NULL)::int AS "doneWithoutDueDate",
  count(*) FILTER (WHERE a.status = 'DONE' AND a."doneAt" IS NULL)::int AS "doneWhenUnknown",
  count(*) FILTER (WHERE a.status = 'DONE' AND (a."evidenceLink" IS NOT NULL OR a."evidenceBefore" IS NOT NULL))::int AS "doneWithEvidence",
  count(*) FILTER (WHERE a.status = 'CANCELLED')::int AS cancelled`

export async function actionItemCounts({ client, pm }: CountedSet, now: Date) {
  const items = Prisma.sql`"ActionItem" a JOIN pm ON pm.id = a."postmortemId"`
  const [[overall], byOwner, byService] = await Promise.all([
    client.$queryRaw<(ActionItemCounts & { medianOpenAge: number | null })[]>`${pm}
      SELECT ${counts(now)},
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (${now.toISOString()}::timestamp - a."createdAt")))
          FILTER (WHERE ${open}))::float8 AS "medianOpenAge"
      FROM ${items}`,
    client.$queryRaw<(ActionItemCounts & { ownerId: string | null; owner: string | null })[]>`${pm}
      SELECT a."ownerId", u.name AS owner, ${counts(now)}
      FROM ${items} LEFT JOIN "User" u ON u.id = a."ownerId"
      GROUP BY a."ownerId", u.name ORDER BY open DESC, overdue DESC, total DESC, u.name NULLS LAST LIMIT 100`,
    client.$queryRaw<(ActionItemCounts & { service: string })[]>`${pm}
      SELECT s.name AS service, ${counts(now)}
      FROM ${items} JOIN "PostmortemService" ps ON ps."postmortemId" = pm.id
      JOIN "Service" s ON s.id = ps."serviceId"
      GROUP BY s.name ORDER BY open DESC, overdue DESC, total DESC, s.name LIMIT 100`,
  ])
  return { ...overall!, byOwner, byService }
}
