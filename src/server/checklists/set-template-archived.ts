import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'

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
