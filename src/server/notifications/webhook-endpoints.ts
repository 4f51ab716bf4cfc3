import 'server-only'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import type { WebhookEndpointInput } from './schemas'

/* Admins register, pause and remove outgoing webhooks (Settings → Webhooks). */

export async function createWebhookEndpoint({
  actor,
  input,
}: {
  actor: Actor
  input: WebhookEndpointInput
}): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const row = await db.webhookEndpoint.create({
    data: { url: input.url, secret: input.secret, description: input.description, events: input.events },
    select: { id: true },
  })
  await recordAuditEvent({ actor, action: 'webhook-created', target: `webhook:${row.id}`, detail: input.url })
  return ok(row)
}

export async function setWebhookEnabled({
  actor,
  id,
  enabled,
}: {
  actor: Actor
  id: string
  enabled: boolean
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const { count } = await db.webhookEndpoint.updateMany({ where: { id }, data: { enabled } })
  if (!count) return err('NOT_FOUND')
  return ok(null)
}

export async function removeWebhookEndpoint({
  actor,
  id,
}: {
  actor: Actor
  id: string
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const row = await db.webhookEndpoint.findUnique({ where: { id }, select: { url: true } })
  if (!row) return err('NOT_FOUND')
  await db.webhookEndpoint.delete({ where: { id } })
  await recordAuditEvent({ actor, action: 'webhook-removed', target: `webhook:${id}`, detail: row.url })
  return ok(null)
}

/** What the admin page shows of a delivery, webhook or e-mail. */
const deliveryView = {
  id: true,
  status: true,
  attempts: true,
  responseCode: true,
  responseExcerpt: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  event: { select: { type: true } },
} as const

/** The endpoints with their last deliveries (newest first), for the admin page; never the secrets. */
export async function findWebhookEndpoints({
  actor,
  deliveries = 20,
}: {
  actor: Actor
  deliveries?: number
}) {
  if (!hasRole(actor, 'ADMIN')) return []
  return db.webhookEndpoint.findMany({
    orderBy: { createdAt: 'asc' },
    take: 100,
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      enabled: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: 'desc' },
        take: deliveries,
        select: deliveryView,
      },
    },
  })
}
export type WebhookEndpointView = Awaited<ReturnType<typeof findWebhookEndpoints>>[number]

/** The last e-mail deliveries (newest first), for the admin page: to whom, which event, how it went. */
export async function findEmailDeliveries({ actor, take = 20 }: { actor: Actor; take?: number }) {
  if (!hasRole(actor, 'ADMIN')) return []
  return db.notificationDelivery.findMany({
    where: { channel: 'EMAIL' },
    orderBy: { createdAt: 'desc' },
    take,
    select: { ...deliveryView, user: { select: { name: true, email: true } } },
  })
}
