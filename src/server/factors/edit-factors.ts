import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import type { FactorInput } from './schemas'

/*
 * Admins keep the taxonomy: add a factor, rename or describe it, archive it (it stays on the
 * postmortems that carry it, and is no longer offered) or bring it back. Nothing is deleted:
 * the insights of past years keep their factors.
 */

const taken = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'
const nameTaken = err('CONFLICT', {
  message: 'a factor with this name exists',
  fields: { name: 'factorNameTaken' },
})

export async function addFactor({
  actor,
  input,
}: {
  actor: Actor
  input: FactorInput
}): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  try {
    return ok(
      await db.$transaction(async (tx) => {
        const last = await tx.contributingFactor.aggregate({ _max: { position: true } })
        const row = await tx.contributingFactor.create({
          data: { ...input, position: (last._max.position ?? 0) + 1 },
          select: { id: true },
        })
        await recordAuditEvent(
          { actor, action: 'factor-added', target: `factor:${row.id}`, detail: input.name },
          tx,
        )
        return row
      }),
    )
  } catch (e) {
    if (taken(e)) return nameTaken
    throw e
  }
}

export async function updateFactor({
  actor,
  id,
  input,
}: {
  actor: Actor
  id: string
  input: FactorInput
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  try {
    const changed = await db.$transaction(async (tx) => {
      const { count } = await tx.contributingFactor.updateMany({ where: { id }, data: input })
      if (count)
        await recordAuditEvent(
          { actor, action: 'factor-changed', target: `factor:${id}`, detail: input.name },
          tx,
        )
      return count
    })
    return changed ? ok(null) : err('NOT_FOUND')
  } catch (e) {
    if (taken(e)) return nameTaken
    throw e
  }
}

export async function setFactorArchived({
  actor,
  id,
  archived,
}: {
  actor: Actor
  id: string
  archived: boolean
}): Promise<Result<null>> {
  if (!hasRole(actor, 'ADMIN')) return err('FORBIDDEN')
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.contributingFactor.updateMany({
      where: { id },
      data: { archivedAt: archived ? new Date() : null },
    })
    if (count)
      await recordAuditEvent(
        { actor, action: archived ? 'factor-archived' : 'factor-restored', target: `factor:${id}` },
        tx,
      )
    return count
  })
  return changed ? ok(null) : err('NOT_FOUND')
}
