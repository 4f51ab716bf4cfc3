import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { holdingText } from '../holding-text'
import { err, ok, type Result } from '../result'
import type { AuditFilter } from './schemas'

export type AuditEventView = {
  id: string
  at: Date
  actorName: string
  actorEmail: string
  action: string
  target: string | null
  detail: string
  address: string | null
}

const PAGE = 100
/** An export holds at most this many entries (the newest), enough for years of a team's log. */
export const EXPORT_MAX = 50_000

function where(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {}
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`)
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.who
      ? {
          OR: [{ actorName: holdingText(filter.who) }, { actorEmail: holdingText(filter.who) }],
        }
      : {}),
    ...(at.gte || at.lt ? { at } : {}),
  }
}

/**
 * The audit log, newest first, for admins only: a page of entries older than `before` (an
 * entry id, for "older entries"), or everything the filter matches up to EXPORT_MAX.
 */
export async function findAuditEvents({
  actor,
  filter,
  before,
  all = false,
}: {
  actor: Actor
  filter: AuditFilter
  before?: string
  all?: boolean
}): Promise<Result<{ events: AuditEventView[]; older: string | null }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined
  const take = all ? EXPORT_MAX : PAGE + 1
  const rows = await db.auditEvent.findMany({
    where: { ...where(filter), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: 'desc' },
    take,
  })
  const more = !all && rows.length > PAGE
  const events = rows.slice(0, all ? rows.length : PAGE).map((r) => ({ ...r, id: r.id.toString() }))
  return ok({ events, older: more ? events.at(-1)!.id : null })
}
