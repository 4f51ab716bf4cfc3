import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import type { CreateLaunchInput } from './schemas'
import { slugify } from './slugify'

export async function createLaunch({
  actor,
  input,
}: {
  actor: Actor
  input: CreateLaunchInput
}): Promise<Result<{ slug: string }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const { slug } = await db.$transaction((tx) => insertLaunch(tx, input))
  return ok({ slug })
}

/** Writes a launch under a slug of its name that no other launch has. */
export async function insertLaunch(tx: Tx, input: CreateLaunchInput) {
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
