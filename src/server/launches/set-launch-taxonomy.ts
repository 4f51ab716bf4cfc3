import 'server-only'
import { z } from 'zod'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { storedText } from '../stored-text'

const names = z
  .array(storedText().trim().min(1, 'required').max(100, 'tooLong'))
  .max(50, 'tooMany')
  .default([])
  .transform((list) => [...new Set(list)].sort())
export const launchTaxonomyInput = z.object({ services: names, tags: names })

/**
 * Sets the services and tags a launch touches, by name, created on first use like a
 * postmortem's (sync-children.ts): they decide which past incidents' checks it is proposed.
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
    if (tags.length) await tx.tag.createMany({ data: tags.map((name) => ({ name })), skipDuplicates: true })
    if (services.length)
      await tx.service.createMany({ data: services.map((name) => ({ name })), skipDuplicates: true })
    const [tagRows, serviceRows] = await Promise.all([
      tx.tag.findMany({ where: { name: { in: tags } }, select: { id: true } }),
      tx.service.findMany({ where: { name: { in: services } }, select: { id: true } }),
    ])
    await tx.launchTag.deleteMany({ where: { launchId } })
    await tx.launchService.deleteMany({ where: { launchId } })
    if (tagRows.length)
      await tx.launchTag.createMany({ data: tagRows.map((t) => ({ launchId, tagId: t.id })) })
    if (serviceRows.length)
      await tx.launchService.createMany({ data: serviceRows.map((s) => ({ launchId, serviceId: s.id })) })
    return ok(null)
  })
}
