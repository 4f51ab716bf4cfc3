import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { TemplateInput } from './schemas'

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
