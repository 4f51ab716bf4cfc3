import 'server-only'
import type { Tx } from '../db'
import type { EventPayloads, NotificationEventType } from './events'
import { DIGEST_EVENT } from './events'
import { emailEnabled } from './settings'

type Emitted<T extends NotificationEventType> = {
  type: T
  payload: EventPayloads[T]
  /** "launch:<id>", "action-item:<id>": lets a later emit read the subject's last event. */
  subject?: string
  /** The event happens once per key: a second emit with the same key does nothing. */
  dedupeKey?: string
  /** Who gets it by e-mail (when SMTP_URL is set); the actor is left out by the callers. */
  recipients?: (string | null | undefined)[]
}

/**
 * Writes an event to the outbox with one delivery per subscribed, enabled webhook endpoint
 * and per recipient, in the caller's transaction: it exists exactly when the change that
 * caused it commits. The worker sends it afterwards (call kickDeliveries() after the commit).
 * Returns false when the dedupe key was already used.
 */
export async function emitEvent<T extends NotificationEventType>(
  tx: Tx,
  event: Emitted<T>,
): Promise<boolean> {
  const id = await insertEvent(tx, event.type, event.payload, event.subject, event.dedupeKey)
  if (!id) return false
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: event.type } },
    select: { id: true },
  })
  const people = emailEnabled() ? [...new Set(event.recipients?.filter((r): r is string => !!r))] : []
  if (endpoints.length || people.length)
    await tx.notificationDelivery.createMany({
      data: [
        ...endpoints.map((e) => ({ eventId: id, channel: 'WEBHOOK' as const, endpointId: e.id })),
        ...people.map((userId) => ({ eventId: id, channel: 'EMAIL' as const, userId })),
      ],
    })
  return true
}

/** The weekly digest: one e-mail delivery per person; what it lists is read when it is sent. */
export async function emitDigest(tx: Tx, { week, people }: { week: string; people: string[] }) {
  const id = await insertEvent(tx, DIGEST_EVENT, { week }, undefined, `${DIGEST_EVENT}:${week}`)
  if (!id) return null
  await tx.notificationDelivery.createMany({
    data: people.map((userId) => ({ eventId: id, channel: 'EMAIL' as const, userId })),
  })
  return id
}

async function insertEvent(
  tx: Tx,
  type: string,
  payload: object,
  subject: string | undefined,
  dedupeKey: string | undefined,
): Promise<string | null> {
  if (dedupeKey) {
    // ON CONFLICT DO NOTHING: a unique violation would abort the caller's whole transaction.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "NotificationEvent" (id, type, subject, "dedupeKey", payload, "createdAt")
      VALUES (gen_random_uuid()::text, ${type}, ${subject ?? null}, ${dedupeKey},
              ${JSON.stringify(payload)}::jsonb, ${new Date()})
      ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`
    return rows[0]?.id ?? null
  }
  const row = await tx.notificationEvent.create({
    data: { type, payload, subject: subject ?? null },
    select: { id: true },
  })
  return row.id
}
