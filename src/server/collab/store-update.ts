import 'server-only'
import type { Tx } from '../db'

/** Who or what wrote an update: a person, the JSON API, the first build from the tables, compaction. */
export type UpdateOrigin = `user:${string}` | `api:${string}` | 'seed' | 'compaction'

/**
 * Appends one Yjs update to a postmortem's shared document. Updates commute: their order in
 * the table does not matter to the document, only that none is lost.
 */
export async function storeUpdate(
  tx: Tx,
  { postmortemId, update, origin }: { postmortemId: string; update: Uint8Array; origin: UpdateOrigin },
): Promise<bigint> {
  const row = await tx.documentUpdate.create({
    data: { postmortemId, update: new Uint8Array(update), origin },
    select: { id: true },
  })
  return row.id
}
