import 'server-only'
import { db } from '../db'
import { toActionItemPayload } from './action-item-events'
import { emitEvent } from './emit-event'
import { openActionItemStatuses } from '../action-item-status'

/**
 * Emits "action item overdue" once per item and due date: an item moved to a later date that
 * passes again is news again. Resolves to how many events it wrote.
 */
export async function sweepOverdue({ now = new Date(), batch = 500 }: { now?: Date; batch?: number } = {}) {
  let emitted = 0
  // In pages by id: items announced before are skipped in memory, so a long list of old overdue
  // items never hides a new one.
  for (let after: string | undefined; ;) {
    const items = await db.actionItem.findMany({
      where: {
        status: { in: [...openActionItemStatuses] },
        dueDate: { lt: now },
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: 'asc' },
      take: batch,
      select: {
        id: true,
        title: true,
        dueDate: true,
        owner: { select: { id: true, name: true, email: true } },
        postmortem: { select: { number: true, title: true } },
      },
    })
    const key = (item: (typeof items)[number]) =>
      `action-item-overdue:${item.id}:${item.dueDate!.toISOString()}`
    const done = new Set(
      (
        await db.notificationEvent.findMany({
          where: { dedupeKey: { in: items.map(key) } },
          select: { dedupeKey: true },
        })
      ).map((e) => e.dedupeKey),
    )
    for (const item of items.filter((i) => !done.has(key(i))))
      if (
        await db.$transaction((tx) =>
          emitEvent(tx, {
            type: 'action-item-overdue',
            subject: `action-item:${item.id}`,
            dedupeKey: key(item),
            payload: toActionItemPayload(item),
            recipients: [item.owner?.id],
          }),
        )
      )
        emitted++
    if (items.length < batch) return emitted
    after = items.at(-1)!.id
  }
}
