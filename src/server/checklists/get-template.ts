import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import { findItemRecurrences } from './recurrence'
import { sourcesSelect, toSources } from './sources'
import { skippedAt, type ShownSkip, type TemplateView } from './template-view'

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
  const kept = await keptTemplate(actor, id)
  return kept.ok ? ok(kept.data.view) : kept
}

/**
 * The launches that skipped an item besides those its card shows (`SkippedAt.others` of them),
 * read from the same kept template: its card lists them when someone opens the disclosure.
 */
export async function getOtherSkips({
  actor,
  templateId,
  itemId,
}: {
  actor: Actor
  templateId: string
  itemId: string
}): Promise<Result<ShownSkip[]>> {
  const kept = await keptTemplate(actor, templateId)
  if (!kept.ok) return kept
  const others = kept.data.others[itemId]
  return others ? ok(others) : err('NOT_FOUND')
}

/** The template's view and, by item, the skips its cards do not show. */
type KeptTemplate = { view: TemplateView; others: Record<string, ShownSkip[]> }

const keptTemplates = dataVersionCache<Result<KeptTemplate>>('templates', { maxEntries: 100 })

const keptTemplate = (actor: Actor, id: string) =>
  keptTemplates(readerKey(actor, id), () => readTemplate(actor, id))

async function readTemplate(actor: Actor, id: string): Promise<Result<KeptTemplate>> {
  const template = await db.checklistTemplate.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { position: 'asc' }],
        // What the page shows, and no more: every field here is sent to the browser.
        select: {
          id: true,
          text: true,
          rationale: true,
          category: true,
          required: true,
          version: true,
          archivedAt: true,
          sources: sourcesSelect,
        },
      },
    },
  })
  if (!template) return err('NOT_FOUND')
  const skipped = await findItemRecurrences({ actor, templateId: id })
  const others: KeptTemplate['others'] = {}
  const items = template.items.map(({ sources, ...item }) => {
    const skips = skippedAt(skipped[item.id] ?? [])
    others[item.id] = skips.others
    const shown = toSources(actor, sources).map(({ lesson: _lesson, ...source }) => source)
    return { ...item, sources: shown, skippedAt: skips.card }
  })
  return ok({ view: { ...template, items }, others })
}
