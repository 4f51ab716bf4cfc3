import 'server-only'
import type { Tx } from '../db'
import { announce } from './relay'

/** Who or what wrote an update: a person, the JSON API, the first build from the tables, compaction. */
export type UpdateOrigin = `user:${string}` | `api:${string}` | 'seed' | 'compaction'

/**
 * Appends one Yjs update to a postmortem's shared document. Updates commute: their order in
 * the table does not matter to the document, only that none is lost. Every app instance holding
 * the document live is told (`from`: the instance whose room it came from, which has it).
 */
export async function storeUpdate(
  tx: Tx,
  {
    postmortemId,
    update,
    origin,
    from = '',
  }: { postmortemId: string; update: Uint8Array; origin: UpdateOrigin; from?: string },
): Promise<bigint> {
  const row = await tx.documentUpdate.create({
    data: { postmortemId, update: new Uint8Array(update), origin },
    select: { id: true },
  })
  await announce({ kind: 'update', postmortemId, id: String(row.id), from }, tx)
  return row.id
}
