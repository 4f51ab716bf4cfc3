import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache } from '../data-version-cache'
import { expansions, phraseTerms } from './expand-query'
import { queryTerms, toTsQuery } from './tokenize'

export type ChecklistItemHit = {
  id: string
  text: string
  rationale: string
  template: { id: string; name: string }
}

const keptItems = dataVersionCache<ChecklistItemHit[]>('item-searches', { maxEntries: 200 })

/**
 * Checklist items (active ones, in active templates) that match a query, best first; kept against
 * the data version, as the postmortems' search is (decision 054).
 */
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
  // Every reader sees the same items: only the query and the count make the key.
  return keptItems(`${limit}\u0000${q}`, () => findItems(q, limit))
}

async function findItems(q: string, limit: number): Promise<ChecklistItemHit[]> {
  const exact = toTsQuery(queryTerms(q))
  if (!exact) return []
  const alternatives = expansions(q)
    .map(({ text, phrase }) => toTsQuery(phraseTerms(queryTerms(text), phrase)))
    .filter(Boolean)
  const tsquery = [exact, ...alternatives].map((part) => `(${part})`).join(' | ')
  // What the page shows of each item, in the same round trip as the match.
  const rows = await db.$queryRaw<
    (Omit<ChecklistItemHit, 'template'> & { templateId: string; templateName: string })[]
  >`
    SELECT i.id, i.text, i.rationale, t.id AS "templateId", t.name AS "templateName"
    FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"
    WHERE i."searchVector" @@ ${tsquery}::tsquery AND i."archivedAt" IS NULL AND t."archivedAt" IS NULL
    ORDER BY (i."searchVector" @@ ${exact}::tsquery) DESC, ts_rank_cd(i."searchVector", ${tsquery}::tsquery) DESC, i."updatedAt" DESC
    LIMIT ${Math.min(Math.max(limit, 1), 20)}`
  return rows.map(({ templateId, templateName, ...item }) => ({
    ...item,
    template: { id: templateId, name: templateName },
  }))
}
