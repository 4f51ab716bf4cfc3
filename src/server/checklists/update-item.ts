import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok } from '../result'
import { indexChecklistItem } from './index-item'
import type { ItemInput } from './schemas'
import { type Change, changeTemplate } from './change-template'

/** Rewords an item. A change of wording bumps its version, so launches can pull it. */
export async function updateItem({
  actor,
  itemId,
  input,
}: {
  actor: Actor
  itemId: string
  input: ItemInput
}): Change<null> {
  const item = await db.checklistItem.findUnique({ where: { id: itemId } })
  if (!item) return err('NOT_FOUND')
  return changeTemplate(actor, item.templateId, async (tx) => {
    const same =
      item.text === input.text &&
      item.rationale === input.rationale &&
      item.category === input.category &&
      item.required === input.required
    if (same) return ok(null)
    const updated = await tx.checklistItem.update({
      where: { id: itemId },
      data: { ...input, version: { increment: 1 } },
    })
    await indexChecklistItem(tx, updated)
    return ok(null)
  })
}
