import 'server-only'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import type { LaunchStatus } from './schemas'

export type LaunchRef = { id: string; slug: string; name: string; status: LaunchStatus }

const select = { id: true, slug: true, name: true, status: true } as const
/** Enough to list every namesake in the error without reading a whole table. */
const MAX_NAMESAKES = 20

/**
 * The launch a person or a pipeline names (`npm run gate`, the readiness API): by slug (or
 * id), else by its exact name, else by its name in any case. Names are not unique: a name
 * several launches share is refused with their slugs (CONFLICT), never guessed.
 */
export async function resolveLaunch({ key }: { key: string }): Promise<Result<LaunchRef>> {
  const name = key.trim()
  if (!name) return err('NOT_FOUND', { message: 'No launch was named.' })
  const bySlug = await db.launch.findFirst({ where: { OR: [{ slug: name }, { id: name }] }, select })
  if (bySlug) return ok(bySlug)
  let matches = await db.launch.findMany({
    where: { name },
    orderBy: { createdAt: 'asc' },
    take: MAX_NAMESAKES,
    select,
  })
  if (!matches.length) {
    // Prisma's case-insensitive `equals` is an unescaped ILIKE (`_` and `%` would match anything).
    const ids = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Launch" WHERE lower(name) = lower(${name}) ORDER BY "createdAt" LIMIT ${MAX_NAMESAKES}`
    matches = ids.length
      ? await db.launch.findMany({
          where: { id: { in: ids.map((r) => r.id) } },
          orderBy: { createdAt: 'asc' },
          select,
        })
      : []
  }
  if (matches.length === 1) return ok(matches[0]!)
  if (!matches.length) return err('NOT_FOUND', { message: `No launch has the slug or name “${name}”.` })
  return err('CONFLICT', {
    message: `Several launches are named “${name}”: ${matches.map((l) => l.slug).join(', ')}. Name one by its slug.`,
  })
}
