import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'
import type { PostmortemDocument, PostmortemStatus } from './schemas'

export type RevisionSnapshot = { status: PostmortemStatus; document: PostmortemDocument }

/** Edits by the same person within this window are one revision, not one per autosave. */
const COALESCE_MS = 10 * 60_000

/**
 * Stores the postmortem as it is now. Publishing always starts a new revision; later edits
 * of a published postmortem extend the author's latest revision while they keep typing.
 */
export async function recordRevision(
  tx: Tx,
  {
    postmortemId,
    version,
    authorId,
    snapshot,
    coalesce,
  }: {
    postmortemId: string
    version: number
    authorId: string
    snapshot: RevisionSnapshot
    coalesce: boolean
  },
) {
  const json = snapshot as unknown as Prisma.InputJsonValue
  if (coalesce) {
    const latest = await tx.revision.findFirst({
      where: { postmortemId },
      orderBy: { version: 'desc' },
      select: { id: true, authorId: true, createdAt: true, snapshot: true },
    })
    const latestStatus = (latest?.snapshot as RevisionSnapshot | null)?.status
    if (
      latest &&
      latest.authorId === authorId &&
      latestStatus === snapshot.status &&
      Date.now() - latest.createdAt.getTime() < COALESCE_MS &&
      (await tx.revision.count({ where: { postmortemId } })) > 1
    ) {
      await tx.revision.update({ where: { id: latest.id }, data: { version, snapshot: json } })
      return
    }
  }
  await tx.revision.create({ data: { postmortemId, version, authorId, snapshot: json } })
}
