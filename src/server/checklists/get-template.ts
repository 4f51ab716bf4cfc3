import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import { findItemRecurrences } from './recurrence'
import { sourcesSelect, toSources } from './sources'
import { skippedAt, type TemplateView } from './template-view'

/**
 * A template as its page shows it, read again only when the data changed (decision 035): where its
 * items were skipped took 240 ms a template on two years of launches (decision 049).
 */
export async function getTemplate({
  actor,
  id,
}: {
  actor: Actor
  id: string
}): Promise<Result<TemplateView>> {
  return keptTemplates(readerKey(actor, id), () => readTemplate(actor, id))
}

const keptTemplates = dataVersionCache<Result<TemplateView>>('templates', { maxEntries: 100 })

async function readTemplate(actor: Actor, id: string): Promise<Result<TemplateView>> {
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
      skippedAt: skippedAt(skipped[item.id] ?? []),
    })),
  })
}
