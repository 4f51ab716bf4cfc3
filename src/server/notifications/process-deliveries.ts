import 'server-only'
import { db } from '../db'
import { DIGEST_EVENT, isNotificationEvent, type EventPayloads } from './events'
import { findOverdueItems } from './overdue-items'
import { renderDigestEmail, renderEventEmail } from './render-email'
import { sendEmail } from './send-email'
import { sendWebhook, type AttemptResult } from './send-webhook'
import { backoffSeconds, MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS } from './settings'

/** How long a taken delivery is left to its worker before another may try it (a crash mid-send). */
const LEASE_MS = WEBHOOK_TIMEOUT_MS * 6

/**
 * Takes up to `limit` due deliveries and counts the attempt, in one statement. FOR UPDATE SKIP
 * LOCKED lets several app instances on one server Postgres take different rows; moving
 * nextAttemptAt forward is the lease, so the network call runs outside any transaction.
 */
async function claim(now: Date, limit: number): Promise<string[]> {
  const leaseEnd = new Date(now.getTime() + LEASE_MS)
  const rows = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    UPDATE "NotificationDelivery" SET attempts = attempts + 1, "lastAttemptAt" = ${now}, "nextAttemptAt" = ${leaseEnd}
    WHERE id IN (
      SELECT id FROM "NotificationDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt", id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "createdAt"`
  // RETURNING follows no order: send in the order the events happened.
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((r) => r.id)
}

/** Sends what is due; resolves to how many attempts it made. `now` is for tests (backoff). */
export async function processDueDeliveries({
  now = new Date(),
  limit = 20,
}: { now?: Date; limit?: number } = {}): Promise<number> {
  let attempted = 0
  for (;;) {
    const ids = await claim(now, limit)
    for (const id of ids) await attempt(id, now)
    attempted += ids.length
    if (ids.length < limit) return attempted
  }
}

async function attempt(id: string, now: Date) {
  const delivery = await load(id)
  if (!delivery) return
  // A bug or a bad row must not keep one delivery taken and retried forever: it counts as a try.
  const result: Sent = await send(delivery).catch((error: unknown) => ({
    delivered: false,
    code: null,
    excerpt: String(error instanceof Error ? error.message : error).slice(0, 500),
  }))
  const finished = result.delivered || result.final || delivery.attempts >= MAX_ATTEMPTS
  await db.notificationDelivery.update({
    where: { id },
    data: {
      status: result.delivered ? 'DELIVERED' : finished ? 'FAILED' : 'PENDING',
      responseCode: result.code,
      responseExcerpt: result.excerpt,
      nextAttemptAt: finished ? now : new Date(now.getTime() + backoffSeconds(delivery.attempts) * 1000),
    },
  })
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>
const load = (id: string) =>
  db.notificationDelivery.findUnique({
    where: { id },
    include: {
      event: true,
      endpoint: { select: { url: true, secret: true, enabled: true } },
      user: { select: { name: true, email: true, locale: true, deactivatedAt: true } },
    },
  })

/** `final`: retrying cannot help (the endpoint was disabled, the person left). */
type Sent = AttemptResult & { final?: boolean }

async function send(delivery: Loaded): Promise<Sent> {
  const { event } = delivery
  if (delivery.channel === 'WEBHOOK') {
    const endpoint = delivery.endpoint
    if (!endpoint?.enabled) return { delivered: false, code: null, excerpt: 'endpoint disabled', final: true }
    const body = JSON.stringify({
      id: event.id,
      event: event.type,
      createdAt: event.createdAt.toISOString(),
      data: event.payload,
    })
    return sendWebhook({
      url: endpoint.url,
      secret: endpoint.secret,
      event: event.type,
      deliveryId: delivery.id,
      body,
    })
  }
  const user = delivery.user
  if (!user || user.deactivatedAt)
    return { delivered: false, code: null, excerpt: 'no active recipient', final: true }
  if (event.type === DIGEST_EVENT) {
    const items = await findOverdueItems({ ownerId: delivery.userId!, now: new Date() })
    if (!items.length) return { delivered: true, code: null, excerpt: 'nothing overdue any more: not sent' }
    return sendEmail({
      to: user.email,
      ...renderDigestEmail({ items, locale: user.locale, name: user.name }),
    })
  }
  if (!isNotificationEvent(event.type))
    return { delivered: false, code: null, excerpt: `unknown event ${event.type}`, final: true }
  const email = renderEventEmail({
    type: event.type,
    payload: event.payload as EventPayloads[typeof event.type],
    locale: user.locale,
    name: user.name,
  })
  return sendEmail({ to: user.email, ...email })
}
