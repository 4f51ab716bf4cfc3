import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { TemplateInput } from './schemas'

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
