import 'server-only'
import { db } from '../db'
import { emitDigest } from './emit-event'
import { openActionItemStatuses } from '../action-item-status'
import { emailEnabled } from './settings'

/** ISO 8601 week of a date, e.g. "2026-W49" (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/**
 * Queues this week's digest: an e-mail to every active person with overdue items. Once a week
 * across every instance (the week is the event's dedupe key); `again` queues one more (the CLI).
 * Resolves to the number of people, or null when it was already queued or e-mail is off.
 */
export async function queueWeeklyDigest({
  now = new Date(),
  again = false,
}: { now?: Date; again?: boolean } = {}) {
  if (!emailEnabled()) return null
  const owners = await db.actionItem.findMany({
    where: {
      status: { in: [...openActionItemStatuses] },
      dueDate: { lt: now },
      owner: { deactivatedAt: null },
    },
    distinct: ['ownerId'],
    select: { ownerId: true },
  })
  const people = owners.flatMap((o) => (o.ownerId ? [o.ownerId] : []))
  const week = again ? `${isoWeek(now)}:${now.toISOString()}` : isoWeek(now)
  const id = await db.$transaction((tx) => emitDigest(tx, { week, people }))
  return id ? people.length : null
}
