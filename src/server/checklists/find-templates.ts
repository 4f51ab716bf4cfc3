import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache } from '../data-version-cache'

/** Every template (archived ones with `includeArchived`); every role reads them. */
export async function findTemplates({
  actor,
  includeArchived = false,
}: {
  actor: Actor
  includeArchived?: boolean
}) {
  if (!hasRole(actor, 'VIEWER')) return []
  return keptTemplates(String(includeArchived), () => readTemplates(includeArchived))
}

const keptTemplates = dataVersionCache<Awaited<ReturnType<typeof readTemplates>>>('templates', {
  maxEntries: 2,
})

async function readTemplates(includeArchived: boolean) {
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
