import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { findItemRecurrences, type ItemRecurrence } from './recurrence'
import type { TemplateInput } from './schemas'
import { sourcesSelect, toSources, type ItemSource } from './sources'

/** Every template (archived ones with `includeArchived`); every role reads them. */
export async function findTemplates({
  actor,
  includeArchived = false,
}: {
  actor: Actor
  includeArchived?: boolean
}) {
  if (!hasRole(actor, 'VIEWER')) return []
  const rows = await db.checklistTemplate.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
    take: 200,
    select: {
      id: true,
      name: true,
      description: true,
      version: true,
      archivedAt: true,
      updatedAt: true,
      _count: { select: { items: { where: { archivedAt: null } } } },
    },
  })
  return rows.map(({ _count, ...t }) => ({ ...t, items: _count.items }))
}

export type TemplateView = {
  id: string
  name: string
  description: string
  version: number
  archivedAt: Date | null
  items: {
    id: string
    text: string
    rationale: string
    category: string
    required: boolean
    version: number
    archivedAt: Date | null
    sources: ItemSource[]
    /** Launches that waived it or marked it not applicable, and the incidents that followed there. */
    skippedAt: ItemRecurrence[]
  }[]
}

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

export async function createTemplate({
  actor,
  input,
}: {
  actor: Actor
  input: TemplateInput
}): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const { id } = await db.checklistTemplate.create({ data: input, select: { id: true } })
  return ok({ id })
}

export async function updateTemplate({
  actor,
  id,
  input,
}: {
  actor: Actor
  id: string
  input: TemplateInput
}): Promise<Result<null>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const { count } = await db.checklistTemplate.updateMany({ where: { id }, data: input })
  return count ? ok(null) : err('NOT_FOUND')
}

/** Templates are archived, never deleted: launches keep their snapshots and the history stays. */
export async function setTemplateArchived({
  actor,
  id,
  archived,
}: {
  actor: Actor
  id: string
  archived: boolean
}): Promise<Result<null>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const { count } = await db.checklistTemplate.updateMany({
    where: { id },
    data: { archivedAt: archived ? new Date() : null },
  })
  return count ? ok(null) : err('NOT_FOUND')
}
