import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { canRead } from './get-postmortem'
import { isPublic, type PostmortemStatus } from './postmortem-status'
import type { RevisionSnapshot } from './revisions'
import type { PostmortemDocument } from './schemas'

export type RevisionItem = {
  id: string
  version: number
  createdAt: Date
  author: string | null
  snapshot: RevisionSnapshot
}

/** The next version of a published postmortem, not published yet (editors only). */
export type PendingItem = {
  updatedAt: Date
  updatedBy: string | null
  document: PostmortemDocument
}

/**
 * A postmortem's kept versions, newest first: what was published, and for editors the draft
 * snapshots kept while it was written and the pending next version.
 */
export async function findRevisions({ actor, number }: { actor: Actor; number: number }): Promise<
  Result<{
    title: string
    status: PostmortemStatus
    revisions: RevisionItem[]
    pending: PendingItem | null
  }>
> {
  const row = await db.postmortem.findUnique({
    where: { number },
    select: {
      title: true,
      status: true,
      revisions: {
        orderBy: { version: 'desc' },
        take: 200,
        select: {
          id: true,
          version: true,
          createdAt: true,
          snapshot: true,
          author: { select: { name: true } },
        },
      },
      pendingVersion: {
        select: { updatedAt: true, document: true, updatedBy: { select: { name: true } } },
      },
    },
  })
  if (!row || !canRead(actor, row.status)) return err('NOT_FOUND')
  const editor = hasRole(actor, 'EDITOR')
  const revisions = row.revisions
    .map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt,
      author: r.author?.name ?? null,
      snapshot: r.snapshot as unknown as RevisionSnapshot,
    }))
    // Readers see what was published; what was written before is the editors'.
    .filter((r) => editor || isPublic(r.snapshot.status))
  const pending = editor && row.pendingVersion
  return ok({
    title: row.title,
    status: row.status,
    revisions,
    pending: pending
      ? {
          updatedAt: pending.updatedAt,
          updatedBy: pending.updatedBy?.name ?? null,
          document: pending.document as unknown as PostmortemDocument,
        }
      : null,
  })
}
