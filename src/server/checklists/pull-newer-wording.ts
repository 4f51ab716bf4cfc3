import 'server-only'
import type { Actor } from '../roles'
import { checklistOpen } from '../launches/launch-status'
import { err, ok } from '../result'
import { changeCheck } from './change-checklist'

/** Replaces the snapshot's wording with the template item's newer version. */
export async function pullNewerWording({ actor, checkId }: { actor: Actor; checkId: string }) {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const row = await tx.launchCheck.findUniqueOrThrow({
      where: { id: check.id },
      select: { checklistItemVersion: true, checklistItem: true },
    })
    const item = row.checklistItem
    if (!item || item.version <= (row.checklistItemVersion ?? 0))
      return err('INVALID_STATE', { message: 'upToDate' })
    await tx.launchCheck.update({
      where: { id: check.id },
      data: {
        text: item.text,
        rationale: item.rationale,
        category: item.category,
        required: item.required,
        checklistItemVersion: item.version,
      },
    })
    return ok(null)
  })
}
