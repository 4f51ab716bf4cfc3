import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { findItemRecurrences } from './recurrence'
import { sourcesSelect, toSources } from './sources'
import { type TemplateView } from './template-view'

export async function getTemplate({
  actor,
  id,
}: {
  actor: Actor
  id: string
}): Promise<Result<TemplateView>> {
  const template = await db.checklistTemplate.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { position: 'asc' }],
        include: { sources: sourcesSelect },
      },
    },
  })
  if (!template) return err('NOT_FOUND')
  const skipped = await findItemRecurrences({ actor, templateId: id })
  return ok({
    ...template,
    items: template.items.map(({ sources, ...item }) => ({
      ...item,
      sources: toSources(actor, sources),
      skippedAt: skipped[item.id] ?? [],
    })),
  })
}
