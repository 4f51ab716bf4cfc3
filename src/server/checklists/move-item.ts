import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok } from '../result'
import { type Change } from './change-template'
import { reorderItems } from './reorder-items'

/** Moves one item up or down by one place (the keyboard's way of reordering). */
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
  const ids = (
    await db.checklistItem.findMany({
      where: { templateId: item.templateId },
      orderBy: { position: 'asc' },
      select: { id: true },
    })
  ).map((i) => i.id)
  const from = ids.indexOf(itemId)
  const to = direction === 'up' ? from - 1 : from + 1
  if (to < 0 || to >= ids.length) return ok(null)
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  return reorderItems({ actor, templateId: item.templateId, ids })
}
