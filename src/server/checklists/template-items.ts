import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import { indexChecklistItem } from './index-item'
import { LIMITS, type ItemInput } from './schemas'

type Change<T> = Promise<Result<T>>

/** Runs a change to a template's items: editors only, not on archived templates, bumps its version. */
async function changeTemplate<T>(
  actor: Actor,
  templateId: string,
  change: (tx: Tx) => Promise<Result<T>>,
): Change<T> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const template = await tx.checklistTemplate.findUnique({
      where: { id: templateId },
      select: { archivedAt: true },
    })
    if (!template) return err('NOT_FOUND')
    if (template.archivedAt) return err('INVALID_STATE', { message: 'The template is archived.' })
    const result = await change(tx)
    if (result.ok)
      await tx.checklistTemplate.update({ where: { id: templateId }, data: { version: { increment: 1 } } })
    return result
  })
}

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
