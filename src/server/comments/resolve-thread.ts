import 'server-only'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { Actor } from '../roles'
import { canComment } from './comment-rules'
import { findReadableThread } from './reply-to-thread'
import { threadSelect, toThreadView, type ThreadView } from './thread-view'

/**
 * Resolves a thread (`resolved: true`) or reopens it. Doing what is already done answers the
 * thread as it is: two reviewers resolving at once both see it resolved, by the first.
 */
export async function resolveThread({
  actor,
  threadId,
  number,
  resolved,
  now = new Date(),
}: {
  actor: Actor
  threadId: string
  number?: number
  resolved: boolean
  now?: Date
}): Promise<Result<ThreadView>> {
  if (!canComment(actor)) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const thread = await findReadableThread(tx, { actor, threadId, number })
    if (!thread) return err('NOT_FOUND')
    if (resolved !== !!thread.resolvedAt)
      await tx.commentThread.updateMany({
        where: { id: threadId, resolvedAt: resolved ? null : { not: null } },
        data: resolved
          ? { resolvedAt: now, resolvedById: actor.id }
          : { resolvedAt: null, resolvedById: null },
      })
    return ok(
      toThreadView(
        await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, select: threadSelect }),
      ),
    )
  })
}
