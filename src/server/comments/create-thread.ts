import 'server-only'
import * as Y from 'yjs'
import { db } from '../db'
import { kickDeliveries } from '../notifications/worker'
import { canRead } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import type { Actor } from '../roles'
import { addComment } from './add-comment'
import { canComment } from './comment-rules'
import { fromBase64, type CreateThreadInput } from './schemas'
import { threadSelect, toThreadView, type ThreadView } from './thread-view'

/** A relative position the browser encoded, or null when the bytes are not one. */
function decodeAnchor(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(text)
  try {
    // lib0's decoder reads garbage without complaint: a real position names a type or an item
    // and encodes back to the same bytes.
    const position = Y.decodeRelativePosition(bytes)
    if (!position.item && !position.tname && !position.type) return null
    const again = Y.encodeRelativePosition(position)
    return again.length === bytes.length && again.every((b, i) => b === bytes[i]) ? bytes : null
  } catch {
    return null
  }
}

/** Starts a thread on a passage of a postmortem, with its first comment. */
export async function createThread({
  actor,
  number,
  input,
}: {
  actor: Actor
  number: number
  input: CreateThreadInput
}): Promise<Result<ThreadView>> {
  if (!canComment(actor)) return err('FORBIDDEN')
  const start = decodeAnchor(input.anchorStart)
  const end = decodeAnchor(input.anchorEnd)
  if (!start || !end)
    return err('INVALID_INPUT', { message: 'invalidAnchor', fields: { anchorStart: 'invalidAnchor' } })
  const result = await db.$transaction(async (tx) => {
    const pm = await tx.postmortem.findUnique({
      where: { number },
      select: { id: true, number: true, title: true, status: true },
    })
    if (!pm || !canRead(actor, pm.status)) return err('NOT_FOUND')
    const thread = await tx.commentThread.create({
      data: {
        postmortemId: pm.id,
        field: input.field,
        itemId: input.itemId,
        anchorStart: start,
        anchorEnd: end,
        quote: input.quote,
        createdById: actor.id,
      },
      select: { id: true },
    })
    await addComment(tx, { actor, threadId: thread.id, input, postmortem: pm, quote: input.quote })
    return ok(
      toThreadView(
        await tx.commentThread.findUniqueOrThrow({ where: { id: thread.id }, select: threadSelect }),
      ),
    )
  })
  if (result.ok) kickDeliveries()
  return result
}
