import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { expandQuery } from './expand-query'
import { queryTerms, toTsQuery } from './tokenize'

export type ChecklistItemHit = {
  id: string
  text: string
  rationale: string
  template: { id: string; name: string }
}

/** Checklist items (active ones, in active templates) that match a query, best first. */
export async function searchChecklistItems({
  actor,
  q,
  limit = 5,
}: {
  actor: Actor
  q: string
  limit?: number
}): Promise<ChecklistItemHit[]> {
  if (!hasRole(actor, 'VIEWER')) return []
  const exact = toTsQuery(queryTerms(q))
  if (!exact) return []
  const alternatives = expandQuery(q)
    .map((q) => queryTerms(q))
    .map((t) => toTsQuery(t))
    .filter(Boolean)
  const tsquery = [exact, ...alternatives].map((part) => `(${part})`).join(' | ')
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id
    FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"
    WHERE i."searchVector" @@ ${tsquery}::tsquery AND i."archivedAt" IS NULL AND t."archivedAt" IS NULL
    ORDER BY (i."searchVector" @@ ${exact}::tsquery) DESC, ts_rank_cd(i."searchVector", ${tsquery}::tsquery) DESC, i."updatedAt" DESC
    LIMIT ${Math.min(Math.max(limit, 1), 20)}`
  const items = await db.checklistItem.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true, text: true, rationale: true, template: { select: { id: true, name: true } } },
  })
  const byId = new Map(items.map((i) => [i.id, i]))
  return rows.flatMap((r) => byId.get(r.id) ?? [])
}
