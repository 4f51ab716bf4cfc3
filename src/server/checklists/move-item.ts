import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok } from '../result'
import { type Change } from './change-template'
import { reorderItems } from './reorder-items'

/**
 * Moves one item up or down by one place among the items the template shows (the keyboard's way
 * of reordering): it trades places with the nearest item that is not archived, so an archived
 * item in between neither takes the move nor loses its place.
 */
export async function moveItem({
  actor,
  itemId,
  direction,
}: {
  actor: Actor
  itemId: string
  direction: 'up' | 'down'
}): Change<null> {
  const item = await db.checklistItem.findUnique({ where: { id: itemId }, select: { templateId: true } })
  if (!item) return err('NOT_FOUND')
  const items = await db.checklistItem.findMany({
    where: { templateId: item.templateId },
    orderBy: { position: 'asc' },
    select: { id: true, archivedAt: true },
  })
  const ids = items.map((i) => i.id)
  const from = ids.indexOf(itemId)
  const step = direction === 'up' ? -1 : 1
  let to = from + step
  while (items[to]?.archivedAt) to += step
  if (to < 0 || to >= ids.length) return ok(null)
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  return reorderItems({ actor, templateId: item.templateId, ids })
}
