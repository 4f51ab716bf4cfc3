import 'server-only'
import { z } from 'zod'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { taxonomyIds } from '../postmortems/sync-children'
import { storedText } from '../stored-text'

const names = z
  .array(storedText().trim().min(1, 'required').max(100, 'tooLong'))
  .max(50, 'tooMany')
  .default([])
  .transform((list) => [...new Set(list)].sort())
export const launchTaxonomyInput = z.object({ services: names, tags: names })

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
  const { services, tags } = parsed.data
  return db.$transaction(async (tx) => {
    const launch = await tx.launch.findUnique({ where: { slug }, select: { id: true } })
    if (!launch) return err('NOT_FOUND')
    const launchId = launch.id
    const { tagIds, serviceIds } = await taxonomyIds(tx, tags, services)
    await tx.launchTag.deleteMany({ where: { launchId } })
    await tx.launchService.deleteMany({ where: { launchId } })
    if (tagIds.length) await tx.launchTag.createMany({ data: tagIds.map((tagId) => ({ launchId, tagId })) })
    if (serviceIds.length)
      await tx.launchService.createMany({ data: serviceIds.map((serviceId) => ({ launchId, serviceId })) })
    return ok(null)
  })
}
