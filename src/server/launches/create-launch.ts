import 'server-only'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { slugify, type CreateLaunchInput } from './schemas'

export async function createLaunch({
  actor,
  input,
}: {
  actor: Actor
  input: CreateLaunchInput
}): Promise<Result<{ slug: string }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const base = slugify(input.name)
  const taken = new Set(
    (await db.launch.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (l) => l.slug,
    ),
  )
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  const created = await db.launch.create({
    data: {
      name: input.name,
      slug,
      description: input.description,
      plannedAt: input.plannedAt ? new Date(input.plannedAt) : null,
      launchedAt: input.launchedAt ? new Date(input.launchedAt) : null,
    },
    select: { slug: true },
  })
  return ok(created)
}
