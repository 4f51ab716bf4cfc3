import 'server-only'
import type { Actor } from '../roles'
import { err, ok } from '../result'
import { indexChecklistItem } from './index-item'
import { LIMITS, type ItemInput } from './schemas'
import { type Change, changeTemplate } from './change-template'

/** Adds an item at the end of a template; `lessonIds` link it to the lessons that taught it. */
export async function addItem({
  actor,
  templateId,
  input,
  lessonIds = [],
}: {
  actor: Actor
  templateId: string
  input: ItemInput
  lessonIds?: string[]
}): Change<{ id: string }> {
  return changeTemplate(actor, templateId, async (tx) => {
    const count = await tx.checklistItem.count({ where: { templateId } })
    if (count >= LIMITS.items) return err('INVALID_INPUT', { fields: { text: 'tooMany' } })
    const item = await tx.checklistItem.create({
      data: {
        templateId,
        position: count,
        ...input,
        sources: { create: lessonIds.map((lessonId) => ({ lessonId })) },
      },
    })
    await indexChecklistItem(tx, item)
    return ok({ id: item.id })
  })
}
