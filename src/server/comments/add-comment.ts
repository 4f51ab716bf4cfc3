import 'server-only'
import type { Tx } from '../db'
import { emitEvent } from '../notifications/emit-event'
import type { Actor } from '../roles'
import { isPublic, type PostmortemStatus } from '../postmortems/postmortem-status'
import type { CommentInput } from './schemas'

/**
 * Writes one comment of a thread with the people it mentions, and tells them (the outbox's
 * `comment-mention`, in the caller's transaction). A mention counts when its id is an active
 * member who can read the postmortem (viewers read only published ones) and the body still
 * says "@Their name": deleting the text of a mention in the form un-mentions them.
 */
export async function addComment(
  tx: Tx,
  {
    actor,
    threadId,
    input,
    postmortem,
    quote,
  }: {
    actor: Actor
    threadId: string
    input: CommentInput
    postmortem: { number: number; title: string; status: PostmortemStatus }
    quote: string
  },
) {
  const candidates = input.mentions.length
    ? await tx.user.findMany({
        where: {
          id: { in: [...new Set(input.mentions)] },
          deactivatedAt: null,
          ...(isPublic(postmortem.status) ? {} : { role: { in: ['EDITOR', 'ADMIN'] } }),
        },
        select: { id: true, name: true },
      })
    : []
  const mentioned = candidates.filter((u) => u.name && input.body.includes(`@${u.name}`))
  const comment = await tx.comment.create({
    data: {
      threadId,
      authorId: actor.id,
      body: input.body,
      mentions: { create: mentioned.map((u) => ({ userId: u.id })) },
    },
    select: { id: true },
  })
  const recipients = mentioned.map((u) => u.id).filter((id) => id !== actor.id)
  if (recipients.length)
    await emitEvent(tx, {
      type: 'comment-mention',
      subject: `postmortem:${postmortem.number}`,
      payload: {
        number: postmortem.number,
        title: postmortem.title,
        by: actor.name,
        threadId,
        quote: quote.slice(0, 200),
        excerpt: input.body.slice(0, 500),
        mentioned: mentioned.filter((u) => u.id !== actor.id),
      },
      recipients,
    })
  return comment
}
