import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import type { CreateLaunchInput, LaunchTaxonomyInput } from './schemas'
import { writeLaunchTaxonomy } from './set-launch-taxonomy'
import { slugify } from './slugify'

export async function createLaunch({
  actor,
  input,
}: {
  actor: Actor
  /** Services and tags may be left out: none. */
  input: Omit<CreateLaunchInput, 'services' | 'tags'> & Partial<LaunchTaxonomyInput>
}): Promise<Result<{ slug: string }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const { slug } = await db.$transaction(async (tx) => {
    const launch = await insertLaunch(tx, input)
    const { services = [], tags = [] } = input
    if (services.length || tags.length) await writeLaunchTaxonomy(tx, launch.id, { services, tags })
    return launch
  })
  return ok({ slug })
}

/** Writes a launch under a slug of its name that no other launch has (its services and tags apart). */
export async function insertLaunch(tx: Tx, input: Omit<CreateLaunchInput, 'services' | 'tags'>) {
  const base = slugify(input.name)
  const taken = new Set(
    (await tx.launch.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (l) => l.slug,
    ),
  )
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return tx.launch.create({
    data: {
      name: input.name,
      slug,
      description: input.description,
      plannedAt: input.plannedAt ? new Date(input.plannedAt) : null,
      launchedAt: input.launchedAt ? new Date(input.launchedAt) : null,
    },
    select: { id: true, slug: true },
  })
}
