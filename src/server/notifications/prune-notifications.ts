import 'server-only'
import { db } from '../db'

/** How long the delivery log keeps what was sent (or given up on). */
export const KEEP_DAYS = 90

/**
 * Forgets what no one needs any more, so the outbox does not grow for ever: deliveries sent or
 * given up on more than KEEP_DAYS ago (pending ones stay however old), then events of that age
 * with no delivery left, except those that still decide what happens next: an event with a
 * dedupe key (an item overdue by a due date is told once, a week's digest is queued once) and the
 * newest event of its subject (a launch review tells "blocked" or "ready" only when its state
 * changes from the last one told). Resolves to how many rows of each it deleted.
 */
export async function pruneNotifications({ now = new Date() }: { now?: Date } = {}) {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000)
  const deliveries = await db.notificationDelivery.deleteMany({
    where: { status: { in: ['DELIVERED', 'FAILED'] }, createdAt: { lt: cutoff } },
  })
  const events = await db.$executeRaw`
    DELETE FROM "NotificationEvent" e
    WHERE e."createdAt" < ${cutoff}
      AND e."dedupeKey" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "NotificationDelivery" d WHERE d."eventId" = e.id)
      AND (
        e.subject IS NULL
        OR EXISTS (
          SELECT 1 FROM "NotificationEvent" n
          WHERE n.subject = e.subject AND (n."createdAt", n.id) > (e."createdAt", e.id)
        )
      )`
  return { deliveries: deliveries.count, events }
}
