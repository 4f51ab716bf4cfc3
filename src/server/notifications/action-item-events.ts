import 'server-only'
import type { Tx } from '../db'
import type { Actor } from '../roles'
import { emitEvent } from './emit-event'
import type { ActionItemPayload } from './events'

const itemSelect = {
  id: true,
  title: true,
  dueDate: true,
  owner: { select: { id: true, name: true, email: true } },
  postmortem: { select: { number: true, title: true } },
} as const

export const toActionItemPayload = (item: {
  id: string
  title: string
  dueDate: Date | null
  owner: ActionItemPayload['owner']
  postmortem: ActionItemPayload['postmortem']
}): ActionItemPayload => ({
  id: item.id,
  title: item.title,
  dueDate: item.dueDate?.toISOString() ?? null,
  owner: item.owner,
  postmortem: item.postmortem,
})

/** One "assigned" event per item whose owner was set or changed; the new owner is told. */
export async function emitActionItemsAssigned(
  tx: Tx,
  { actor, itemIds }: { actor: Actor | null; itemIds: string[] },
) {
  if (!itemIds.length) return
  const items = await tx.actionItem.findMany({ where: { id: { in: itemIds } }, select: itemSelect })
  for (const item of items)
    await emitEvent(tx, {
      type: 'action-item-assigned',
      subject: `action-item:${item.id}`,
      payload: toActionItemPayload(item),
      recipients: item.owner && item.owner.id !== actor?.id ? [item.owner.id] : [],
    })
}
