import 'server-only'
import type { Actor } from '../roles'
import { err, ok, type Result } from '../result'
import { LIMITS } from './schemas'
import { changeLaunch, nextPosition } from './change-checklist'

/** Copies a template's current items into the launch; items already on it are skipped. */
export async function addChecksFromTemplate({
  actor,
  slug,
  templateId,
}: {
  actor: Actor
  slug: string
  templateId: string
}): Promise<Result<{ added: number }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const template = await tx.checklistTemplate.findUnique({
      where: { id: templateId },
      include: { items: { where: { archivedAt: null }, orderBy: { position: 'asc' } } },
    })
    if (!template || template.archivedAt) return err('NOT_FOUND')
    const present = new Set(
      (
        await tx.launchCheck.findMany({
          where: { launchId: launch.id, checklistItemId: { in: template.items.map((i) => i.id) } },
          select: { checklistItemId: true },
        })
      ).map((c) => c.checklistItemId),
    )
    const items = template.items.filter((i) => !present.has(i.id))
    let position = await nextPosition(tx, launch.id)
    if (position + items.length > LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
    await tx.launchCheck.createMany({
      data: items.map((item) => ({
        launchId: launch.id,
        checklistItemId: item.id,
        checklistItemVersion: item.version,
        position: position++,
        text: item.text,
        rationale: item.rationale,
        category: item.category,
        required: item.required,
      })),
    })
    return ok({ added: items.length })
  })
}
