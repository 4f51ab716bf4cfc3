import 'server-only'
import type { Actor } from '../roles'
import { err, ok } from '../result'
import { type Change, changeTemplate } from './change-template'

/**
 * Puts the named items of a template in the given order, in the places they held among them. An
 * item it does not name (an archived one, which the list does not show, or one added since the
 * list was read) keeps its place, so an archived item comes back where it was when restored.
 */
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
    const named = [...new Set(ids)]
    const isNamed = new Set(named)
    let next = 0
    const order = items.map((i) => (isNamed.has(i.id) ? named[next++]! : i.id))
    // One statement for the whole order: a template of fifty items was fifty round trips.
    await tx.$executeRaw`
      UPDATE "ChecklistItem" i SET position = o.n - 1, "updatedAt" = now()
      FROM unnest(${order}::text[]) WITH ORDINALITY AS o(id, n)
      WHERE i.id = o.id AND i."templateId" = ${templateId}`
    return ok(null)
  })
}
