import 'server-only'
import type { Actor } from '../roles'
import { err, ok } from '../result'
import { type Change, changeTemplate } from './change-template'

/** Puts a template's items in the given order (ids it does not name keep their place after). */
export async function reorderItems({
  actor,
  templateId,
  ids,
}: {
  actor: Actor
  templateId: string
  ids: string[]
}): Change<null> {
  return changeTemplate(actor, templateId, async (tx) => {
    const items = await tx.checklistItem.findMany({
      where: { templateId },
      orderBy: { position: 'asc' },
      select: { id: true },
    })
    const known = new Set(items.map((i) => i.id))
    if (ids.some((id) => !known.has(id))) return err('INVALID_INPUT', { message: 'Unknown item.' })
    const named = new Set(ids)
    const order = [...new Set(ids), ...items.map((i) => i.id).filter((id) => !named.has(id))]
    for (const [position, id] of order.entries())
      await tx.checklistItem.update({ where: { id }, data: { position } })
    return ok(null)
  })
}
