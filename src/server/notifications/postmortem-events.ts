import 'server-only'
import type { Tx } from '../db'
import type { Actor } from '../roles'
import { emitEvent } from './emit-event'

/**
 * Submitted for review: the reviewers (editors and admins who are not its authors) are told.
 * Published: its authors are. The actor is never told about their own step.
 */
export async function emitPostmortemStatusEvent(
  tx: Tx,
  { actor, postmortemId, to }: { actor: Actor; postmortemId: string; to: 'IN_REVIEW' | 'PUBLISHED' },
) {
  const pm = await tx.postmortem.findUniqueOrThrow({
    where: { id: postmortemId },
    select: { number: true, title: true, authors: { select: { userId: true } } },
  })
  const authors = pm.authors.map((a) => a.userId)
  const recipients =
    to === 'PUBLISHED'
      ? authors
      : (
          await tx.user.findMany({
            where: { role: { in: ['EDITOR', 'ADMIN'] }, deactivatedAt: null, id: { notIn: authors } },
            select: { id: true },
            take: 200,
          })
        ).map((u) => u.id)
  await emitEvent(tx, {
    type: to === 'PUBLISHED' ? 'postmortem-published' : 'postmortem-submitted',
    subject: `postmortem:${pm.number}`,
    payload: { number: pm.number, title: pm.title, by: actor.name },
    recipients: recipients.filter((id) => id !== actor.id),
  })
}
