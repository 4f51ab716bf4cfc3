import 'server-only'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { canRead } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import type { Actor } from '../roles'
import { threadSelect, toThreadView, type ThreadView } from './thread-view'

/** Every thread of a postmortem, oldest first (open and resolved: the page folds the resolved). */
export async function findThreads({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Result<ThreadView[]>> {
  return keptThreads(readerKey(actor, number), () => readThreads(actor, number))
}

const keptThreads = dataVersionCache<Result<ThreadView[]>>('comment-threads', { maxEntries: 200 })

async function readThreads(actor: Actor, number: number): Promise<Result<ThreadView[]>> {
  const pm = await db.postmortem.findUnique({ where: { number }, select: { id: true, status: true } })
  if (!pm || !canRead(actor, pm.status)) return err('NOT_FOUND')
  const rows = await db.commentThread.findMany({
    where: { postmortemId: pm.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: threadSelect,
  })
  return ok(rows.map(toThreadView))
}
