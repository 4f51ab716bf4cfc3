import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { err, type Result } from '../result'

export type Change<T> = Promise<Result<T>>

/** Runs a change to a template's items: editors only, not on archived templates, bumps its version. */
export async function changeTemplate<T>(
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
