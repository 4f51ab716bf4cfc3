import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'
import { changedFields } from '../postmortems/diff-documents'
import { toDocument, type PostmortemWithDocument } from '../postmortems/document'
import type { PostmortemDocument } from '../postmortems/schemas'
import type { Actor } from '../roles'

/**
 * What the shared document of a published postmortem says that the tables (the published
 * version) do not: stored as its pending next version, or removed when it says the same again.
 * True when the pending version changed.
 */
export async function storePendingVersion(
  tx: Tx,
  { actor, row, document }: { actor: Actor; row: PostmortemWithDocument; document: PostmortemDocument },
): Promise<boolean> {
  const postmortemId = row.id
  if (!changedFields(toDocument(row), document).length)
    return (await tx.pendingVersion.deleteMany({ where: { postmortemId } })).count > 0
  const stored = await tx.pendingVersion.findUnique({ where: { postmortemId }, select: { document: true } })
  if (stored && !changedFields(stored.document as unknown as PostmortemDocument, document).length)
    return false
  const json = document as unknown as Prisma.InputJsonValue
  await tx.pendingVersion.upsert({
    where: { postmortemId },
    create: { postmortemId, document: json, baseVersion: row.version, updatedById: actor.id },
    update: { document: json, baseVersion: row.version, updatedById: actor.id },
  })
  return true
}
