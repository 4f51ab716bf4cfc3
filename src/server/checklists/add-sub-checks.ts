import 'server-only'
import type { Actor } from '../roles'
import { checklistOpen } from '../launches/launch-status'
import { err, ok, type Result } from '../result'
import { LIMITS } from './schemas'
import { changeCheck } from './change-checklist'

/** One sub-check per pasted line, after the existing ones; lines already there are skipped. */
export async function addSubChecks({
  actor,
  checkId,
  lines,
}: {
  actor: Actor
  checkId: string
  lines: string[]
}): Promise<Result<{ added: number }>> {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const existing = await tx.launchSubCheck.findMany({
      where: { checkId: check.id },
      select: { label: true },
    })
    const known = new Set(existing.map((s) => s.label))
    const fresh = [...new Set(lines)].filter((l) => !known.has(l))
    if (existing.length + fresh.length > LIMITS.subChecks)
      return err('INVALID_INPUT', { fields: { lines: 'tooMany' } })
    await tx.launchSubCheck.createMany({
      data: fresh.map((label, i) => ({ checkId: check.id, label, position: existing.length + i })),
    })
    // New work reopens a passed check.
    if (fresh.length && check.status === 'PASS')
      await tx.launchCheck.update({
        where: { id: check.id },
        data: { status: 'PENDING', checkedById: null, checkedAt: null },
      })
    return ok({ added: fresh.length })
  })
}
