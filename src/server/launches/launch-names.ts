import 'server-only'
import { db } from '../db'
import { holdingText } from '../holding-text'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { newestLaunchesFirst } from './find-launches'
import type { LaunchNamesInput } from './schemas'

export type LaunchName = { slug: string; name: string }

/**
 * Launches whose name or slug holds `q` (any case), in the launch list's order: what the launch
 * filters of the lists, search and insights suggest as someone types, and `GET /api/v1/launches`.
 * The filters took a menu of the newest 200 launches on every page before (decision 052): older
 * ones could not be chosen, and the menu weighed on every page that showed it.
 */
export async function findLaunchNames({
  actor,
  input: { q, limit },
}: {
  actor: Actor
  input: LaunchNamesInput
}): Promise<Result<LaunchName[]>> {
  if (!hasRole(actor, 'VIEWER')) return err('FORBIDDEN')
  const holds = holdingText(q)
  return ok(
    await db.launch.findMany({
      where: q ? { OR: [{ name: holds }, { slug: holds }] } : {},
      orderBy: newestLaunchesFirst,
      take: limit,
      select: { slug: true, name: true },
    }),
  )
}
