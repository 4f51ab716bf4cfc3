import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import { taxonomyIds } from '../postmortems/sync-children'
import { launchTaxonomyInput, type LaunchTaxonomyInput } from './schemas'

/**
 * Sets the services and tags a launch touches, by name, created on first use like a
 * postmortem's (`taxonomyIds`): they decide which past incidents' checks it is proposed.
 */
export async function setLaunchTaxonomy({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: unknown
}): Promise<Result<null>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const parsed = launchTaxonomyInput.safeParse(input)
  if (!parsed.success) return err('INVALID_INPUT', { message: parsed.error.issues[0]?.message })
  return db.$transaction(async (tx) => {
    const launch = await tx.launch.findUnique({ where: { slug }, select: { id: true } })
    if (!launch) return err('NOT_FOUND')
    await writeLaunchTaxonomy(tx, launch.id, parsed.data)
    return ok(null)
  })
}

/** Replaces a launch's services and tags (a new launch's too, in its creating transaction). */
export async function writeLaunchTaxonomy(tx: Tx, launchId: string, { services, tags }: LaunchTaxonomyInput) {
  const { tagIds, serviceIds } = await taxonomyIds(tx, tags, services)
  await tx.launchTag.deleteMany({ where: { launchId } })
  await tx.launchService.deleteMany({ where: { launchId } })
  if (tagIds.length) await tx.launchTag.createMany({ data: tagIds.map((tagId) => ({ launchId, tagId })) })
  if (serviceIds.length)
    await tx.launchService.createMany({ data: serviceIds.map((serviceId) => ({ launchId, serviceId })) })
}
