import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { scalarColumns } from './document'
import { emptyDocument, type CreatePostmortemInput } from './schemas'

export async function createPostmortem({
  actor,
  input,
}: {
  actor: Actor
  input: CreatePostmortemInput
}): Promise<Result<{ number: number }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  if (
    input.launchId &&
    !(await db.launch.findUnique({ where: { id: input.launchId }, select: { id: true } }))
  )
    return err('INVALID_INPUT', { fields: { launchId: 'invalidChoice' } })
  const created = await db.postmortem.create({
    data: {
      ...scalarColumns(emptyDocument(input.title, input.launchId)),
      createdById: actor.id,
      updatedById: actor.id,
      authors: { create: { userId: actor.id } },
    },
    select: { number: true },
  })
  return ok(created)
}
