import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { canRead } from './get-postmortem'
import type { RevisionSnapshot } from './revisions'

export type RevisionItem = {
  id: string
  version: number
  createdAt: Date
  author: string | null
  snapshot: RevisionSnapshot
}

export async function findRevisions({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Result<{ title: string; revisions: RevisionItem[] }>> {
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
    },
  })
  if (!row || !canRead(actor, row.status)) return err('NOT_FOUND')
  return ok({
    title: row.title,
    revisions: row.revisions.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt,
      author: r.author?.name ?? null,
      snapshot: r.snapshot as unknown as RevisionSnapshot,
    })),
  })
}
