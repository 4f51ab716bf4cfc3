import 'server-only'
import { db } from '../db'
import { hasRole, type Actor } from '../roles'

/**
 * Who last changed a published postmortem's next version and when, for its editors (readers
 * see the published version and are not told); null when there are no unpublished changes.
 */
export async function findPendingVersion({
  actor,
  postmortemId,
}: {
  actor: Actor
  postmortemId: string
}): Promise<{ updatedAt: Date; updatedBy: string | null } | null> {
  if (!hasRole(actor, 'EDITOR')) return null
  const row = await db.pendingVersion.findUnique({
    where: { postmortemId },
    select: { updatedAt: true, updatedBy: { select: { name: true } } },
  })
  return row ? { updatedAt: row.updatedAt, updatedBy: row.updatedBy?.name ?? null } : null
}
