import 'server-only'
import type { Actor } from '../roles'
import { err, type Result } from '../result'
import { changeLaunch } from './change-checklist'
import { copyItemsToLaunch } from './copy-items'

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
    return copyItemsToLaunch(tx, launch.id, template.items)
  })
}
