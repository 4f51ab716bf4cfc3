import 'server-only'
import type { Tx } from '../db'
import { toTsVector } from '../search/tokenize'

/** Rewrites a checklist item's search document in the same transaction as the write. */
export async function indexChecklistItem(
  tx: Tx,
  item: { id: string; text: string; rationale: string; category: string },
) {
  const vector = toTsVector([
    { weight: 'A', text: item.text },
    { weight: 'B', text: item.rationale },
    { weight: 'C', text: item.category },
  ])
  await tx.$executeRaw`UPDATE "ChecklistItem" SET "searchVector" = ${vector}::tsvector WHERE id = ${item.id}`
}
