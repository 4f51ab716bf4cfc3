import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { insertPostmortem } from './insert-postmortem'
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
  const document = emptyDocument(input.title, input.launchId)
  const { number } = await db.$transaction((tx) => insertPostmortem(tx, actor, document))
  return ok({ number })
}
