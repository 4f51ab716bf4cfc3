import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { scalarColumns } from './document'
import { indexPostmortem } from '../search/index-postmortem'
import { nextPostmortemNumber } from './next-number'
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
  const created = await db.$transaction(async (tx) => {
    const row = await tx.postmortem.create({
      data: {
        number: await nextPostmortemNumber(tx),
        ...scalarColumns(document),
        createdById: actor.id,
        updatedById: actor.id,
        authors: { create: { userId: actor.id } },
      },
      select: { id: true, number: true },
    })
    await indexPostmortem(tx, row.id, document)
    return { number: row.number }
  })
  return ok(created)
}
