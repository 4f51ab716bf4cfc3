import 'server-only'
import type { Actor } from '../roles'
import { err, ok, type Result } from '../result'
import type { ItemInput } from './schemas'
import { LIMITS } from './schemas'
import { changeLaunch, nextPosition } from './change-checklist'

/** A check for this launch only, not from any template. */
export async function addAdhocCheck({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: ItemInput
}): Promise<Result<{ id: string }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const position = await nextPosition(tx, launch.id)
    if (position >= LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
    const { id } = await tx.launchCheck.create({ data: { launchId: launch.id, position, ...input } })
    return ok({ id })
  })
}
