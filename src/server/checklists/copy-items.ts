import 'server-only'
import type { Tx } from '../db'
import { err, ok, type Result } from '../result'
import { LIMITS } from './schemas'
import { nextPosition } from './change-checklist'

type ItemSnapshot = {
  id: string
  version: number
  text: string
  rationale: string
  category: string
  required: boolean
}

/**
 * Snapshots checklist items onto a launch after its last check, skipping the ones already on
 * it: the one way a template's item becomes a launch check (from a template, or a proposal).
 */
export async function copyItemsToLaunch(
  tx: Tx,
  launchId: string,
  candidates: ItemSnapshot[],
): Promise<Result<{ added: number }>> {
  const present = new Set(
    (
      await tx.launchCheck.findMany({
        where: { launchId, checklistItemId: { in: candidates.map((i) => i.id) } },
        select: { checklistItemId: true },
      })
    ).map((c) => c.checklistItemId),
  )
  const items = candidates.filter((i) => !present.has(i.id))
  let position = await nextPosition(tx, launchId)
  if (position + items.length > LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
  await tx.launchCheck.createMany({
    data: items.map((item) => ({
      launchId,
      checklistItemId: item.id,
      checklistItemVersion: item.version,
      position: position++,
      text: item.text,
      rationale: item.rationale,
      category: item.category,
      required: item.required,
    })),
  })
  return ok({ added: items.length })
}
