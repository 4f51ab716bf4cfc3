import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'
import type { PostmortemDocument, PostmortemStatus } from './schemas'

export type RevisionSnapshot = { status: PostmortemStatus; document: PostmortemDocument }

/** Edits by the same person within this window are one revision, not one per autosave. */
const COALESCE_MS = 10 * 60_000
/** A draft being edited keeps a restorable snapshot at least this often (docs/decisions/025). */
export const DRAFT_SNAPSHOT_MS = 10 * 60_000

/**
 * Stores the postmortem as it is now. Publishing always starts a new revision; later edits
 * of a published postmortem extend the author's latest revision while they keep typing.
 * A draft snapshot of the same version (publishing does not change the version) becomes the
 * published revision: the text is the same.
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
      // The publication itself stays as it was published.
      (await tx.revision.count({
        where: { postmortemId, snapshot: { path: ['status'], equals: snapshot.status } },
      })) > 1
    ) {
      await tx.revision.update({ where: { id: latest.id }, data: { version, snapshot: json } })
      return
    }
  }
  await tx.revision.upsert({
    where: { postmortemId_version: { postmortemId, version } },
    create: { postmortemId, version, authorId, snapshot: json },
    update: { authorId, snapshot: json, createdAt: new Date() },
  })
}

/**
 * While a draft is edited, keeps a restorable snapshot of it: a new revision (status DRAFT)
 * when the latest one is at least DRAFT_SNAPSHOT_MS old, or when there is none.
 */
export async function recordDraftSnapshot(
  tx: Tx,
  {
    postmortemId,
    version,
    authorId,
    snapshot,
    now = new Date(),
  }: {
    postmortemId: string
    version: number
    authorId: string
    snapshot: RevisionSnapshot
    now?: Date
  },
) {
  const latest = await tx.revision.findFirst({
    where: { postmortemId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  })
  if (latest && now.getTime() - latest.createdAt.getTime() < DRAFT_SNAPSHOT_MS) return false
  await tx.revision.upsert({
    where: { postmortemId_version: { postmortemId, version } },
    create: {
      postmortemId,
      version,
      authorId,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
    update: {},
  })
  return true
}
