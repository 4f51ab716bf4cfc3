import 'server-only'
import { db } from '../db'
import { openActionItemStatuses } from '../action-item-status'

/** A person's open action items whose due date has passed, oldest due first. */
export function findOverdueItems({ ownerId, now }: { ownerId: string; now: Date }) {
  return db.actionItem.findMany({
    where: { ownerId, status: { in: [...openActionItemStatuses] }, dueDate: { lt: now } },
    orderBy: { dueDate: 'asc' },
    take: 100,
    select: { title: true, dueDate: true, postmortem: { select: { number: true, title: true } } },
  }) as Promise<{ title: string; dueDate: Date; postmortem: { number: number; title: string } }[]>
}
