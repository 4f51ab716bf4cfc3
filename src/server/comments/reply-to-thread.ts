import 'server-only'
import { db, type Tx } from '../db'
import { kickDeliveries } from '../notifications/worker'
import { canRead } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import type { Actor } from '../roles'
import { addComment } from './add-comment'
import { canComment } from './comment-rules'
import type { CommentInput } from './schemas'
import { threadSelect, toThreadView, type ThreadView } from './thread-view'

/**
 * The thread and its postmortem, when the actor can read it (and, given `number`, it belongs
 * to that postmortem): NOT_FOUND otherwise, so a thread on an unreadable draft does not exist.
 */
export async function findReadableThread(
  tx: Tx,
  { actor, threadId, number }: { actor: Actor; threadId: string; number?: number },
) {
  const thread = await tx.commentThread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      quote: true,
      resolvedAt: true,
      postmortem: { select: { id: true, number: true, title: true, status: true } },
    },
  })
  if (!thread || !canRead(actor, thread.postmortem.status)) return null
  if (number !== undefined && thread.postmortem.number !== number) return null
  return thread
}

/** Adds a reply; replying to a resolved thread reopens it (the conversation goes on). */
export async function replyToThread({
  actor,
  threadId,
  number,
  input,
}: {
  actor: Actor
  threadId: string
  number?: number
  input: CommentInput
}): Promise<Result<ThreadView>> {
  if (!canComment(actor)) return err('FORBIDDEN')
  const result = await db.$transaction(async (tx) => {
    const thread = await findReadableThread(tx, { actor, threadId, number })
    if (!thread) return err('NOT_FOUND')
    await addComment(tx, { actor, threadId, input, postmortem: thread.postmortem, quote: thread.quote })
    if (thread.resolvedAt)
      await tx.commentThread.update({
        where: { id: threadId },
        data: { resolvedAt: null, resolvedById: null },
      })
    return ok(
      toThreadView(
        await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, select: threadSelect }),
      ),
    )
  })
  if (result.ok) kickDeliveries()
  return result
}
