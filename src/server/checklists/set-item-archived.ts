import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok } from '../result'
import { type Change, changeTemplate } from './change-template'

/** Archived items leave the template for new launches; launches that copied them keep them. */
export async function setItemArchived({
  actor,
  itemId,
  archived,
}: {
  actor: Actor
  itemId: string
  archived: boolean
}): Change<null> {
  const item = await db.checklistItem.findUnique({ where: { id: itemId }, select: { templateId: true } })
  if (!item) return err('NOT_FOUND')
  return changeTemplate(actor, item.templateId, async (tx) => {
    await tx.checklistItem.update({
      where: { id: itemId },
      data: { archivedAt: archived ? new Date() : null },
    })
    return ok(null)
  })
}
