import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import type { ApiTokenInput } from './schemas'

/*
 * API tokens for deploy pipelines and scripts. An admin creates one in Settings and sees
 * it once; only its SHA-256 is stored. A token reads (the role of a viewer) and never
 * writes, whoever created it.
 */

const PREFIX = 'hs_'
const hash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createApiToken({
  actor,
  input,
}: {
  actor: Actor
  input: ApiTokenInput
}): Promise<Result<{ id: string; token: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const { id } = await db.apiToken.create({
    data: { name: input.name, tokenHash: hash(token), createdById: actor.id },
    select: { id: true },
  })
  await recordAuditEvent({ actor, action: 'token-created', target: `token:${id}`, detail: input.name })
  return ok({ id, token })
}

export async function findApiTokens({ actor }: { actor: Actor }) {
  if (!hasRole(actor, 'ADMIN')) return []
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  })
}

export async function revokeApiToken({ actor, id }: { actor: Actor; id: string }): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const { count } = await db.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (!count) return err('NOT_FOUND')
  const token = await db.apiToken.findUniqueOrThrow({ where: { id }, select: { name: true } })
  await recordAuditEvent({ actor, action: 'token-revoked', target: `token:${id}`, detail: token.name })
  return ok(null)
}

/**
 * The read-only actor for `Authorization: Bearer hs_…`, or null for an unknown or revoked token
 * or one whose creator is deactivated.
 */
export async function actorForToken(header: string | null): Promise<Actor | null> {
  const token = header?.match(/^Bearer\s+(\S{1,200})$/i)?.[1]
  if (!token?.startsWith(PREFIX)) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, email: true, deactivatedAt: true } },
    },
  })
  // A deactivated creator's tokens stop with them (and work again if they are reactivated).
  if (!row || row.revokedAt || row.createdBy.deactivatedAt) return null
  // Last use is kept to the minute: one write per token per minute at most.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
  return { id: row.createdBy.id, name: `token:${row.name}`, email: row.createdBy.email, role: 'VIEWER' }
}
