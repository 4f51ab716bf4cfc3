import 'server-only'
import type { Actor } from '../roles'
import { checksRemovable } from '../launches/launch-status'
import { ok } from '../result'
import { changeCheck } from './change-checklist'

/** Removes a check while the launch is still being planned. */
export async function removeCheck({ actor, checkId }: { actor: Actor; checkId: string }) {
  return changeCheck(actor, checkId, checksRemovable, async (tx, check) => {
    await tx.launchCheck.delete({ where: { id: check.id } })
    return ok(null)
  })
}
