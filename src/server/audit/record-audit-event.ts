import 'server-only'
import type { Actor } from '../roles'
import { db, type Tx } from '../db'
import { auditRetentionDays } from '../env'
import type { AuditAction } from './actions'

export type AuditEntry = {
  /** Who did it: a signed-in person, or the name given for a CLI or an unknown account. */
  actor: Pick<Actor, 'id' | 'name' | 'email'> | { id?: null; name: string; email?: string } | null
  action: AuditAction
  /** "user:…", "postmortem:12", "launch:slug", "token:…" */
  target?: string | null
  detail?: string
  address?: string | null
}

const DETAIL_MAX = 2_000
const DAY = 86_400_000
let prunedAt = 0

/**
 * Appends one entry to the audit log, in the caller's transaction when it passes one (the
 * entry and the change it records commit together). Once a day per process, entries older
 * than the retention are deleted.
 */
export async function recordAuditEvent(entry: AuditEntry, client: Tx = db): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? '',
      actorEmail: entry.actor?.email ?? '',
      action: entry.action,
      target: entry.target ?? null,
      detail: (entry.detail ?? '').slice(0, DETAIL_MAX),
      address: entry.address ?? null,
    },
  })
  if (Date.now() - prunedAt > DAY) {
    prunedAt = Date.now()
    // On the caller's client: on the embedded database another one would wait for this transaction.
    await pruneAuditEvents(new Date(), client)
  }
}

/** Deletes the entries older than AUDIT_RETENTION_DAYS (none when it is 0). Returns how many. */
export async function pruneAuditEvents(now = new Date(), client: Tx = db): Promise<number> {
  const days = auditRetentionDays()
  if (!days) return 0
  const { count } = await client.auditEvent.deleteMany({
    where: { at: { lt: new Date(now.getTime() - days * DAY) } },
  })
  return count
}
