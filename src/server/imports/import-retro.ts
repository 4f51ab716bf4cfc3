import 'server-only'
import { ZodError } from 'zod'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { activeFactors } from '../factors/find-factors'
import { insertLaunch } from '../launches/create-launch'
import { insertPostmortem } from '../postmortems/insert-postmortem'
import { err, ok, type Result } from '../result'
import type { ParsedRetro } from './parse-retro'
import { toDocument } from './to-document'

/**
 * Saves a parsed retro — a launch (when the document had several incidents) and its
 * postmortems as drafts — in one transaction: everything is saved or nothing is.
 */
export async function importRetro({
  actor,
  retro,
}: {
  actor: Actor
  retro: ParsedRetro
}): Promise<Result<{ launch: { slug: string } | null; numbers: number[] }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  if (!retro.postmortems.length) return err('INVALID_INPUT', { message: 'NO_STRUCTURE' })
  const [people, factors] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true } }),
    activeFactors(),
  ])
  return db
    .$transaction(
      async (tx) => {
        const launch = retro.launch
          ? await insertLaunch(tx, {
              name: retro.launch.name.slice(0, 120),
              description: '',
              plannedAt: null,
              launchedAt: null,
            })
          : null
        const numbers: number[] = []
        for (const parsed of retro.postmortems) {
          const document = toDocument(parsed, people, launch?.id ?? null, factors)
          const created = await insertPostmortem(tx, actor, document)
          numbers.push(created.number)
        }
        return ok({ launch: launch ? { slug: launch.slug } : null, numbers })
      },
      { timeout: 60_000 },
    )
    .catch((error: unknown) => {
      // A value no rule could make valid (the document schema refused it): nothing was saved.
      if (error instanceof ZodError)
        return err('INVALID_INPUT', { message: error.issues[0]?.message ?? 'INVALID' })
      throw error
    })
}
