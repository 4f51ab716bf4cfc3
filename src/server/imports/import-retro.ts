import 'server-only'
import { ZodError } from 'zod'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { activeFactors } from '../factors/find-factors'
import { insertLaunch } from '../launches/create-launch'
import { insertPostmortems } from '../postmortems/insert-postmortems'
import type { PostmortemDocument } from '../postmortems/schemas'
import { err, ok, type Result } from '../result'
import type { ParsedRetro } from './parse-retro'
import { toDocument } from './to-document'

export type Imported = Result<{ launch: { slug: string } | null; numbers: number[] }>

/**
 * Saves a parsed retro — a launch (when the document had several incidents) and its
 * postmortems as drafts — in one transaction: everything is saved or nothing is.
 */
export async function importRetro({ actor, retro }: { actor: Actor; retro: ParsedRetro }): Promise<Imported> {
  const [result] = await importRetros({ actor, retros: [retro] })
  return result!
}

/**
 * Saves several parsed retros (a folder), each all or nothing, in one transaction with one insert
 * per table for all of them; when that transaction fails, each is saved alone, so a retro that
 * cannot be saved takes no other with it. One result per retro, in order.
 */
export async function importRetros({
  actor,
  retros,
}: {
  actor: Actor
  retros: ParsedRetro[]
}): Promise<Imported[]> {
  if (!hasRole(actor, 'EDITOR')) return retros.map(() => err('FORBIDDEN'))
  const [people, factors] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true } }),
    activeFactors(),
  ])
  // What no rule could make valid (the document schema refused it) fails before anything is written.
  const results: Imported[] = []
  const valid: { docs: PostmortemDocument[]; retro: ParsedRetro; i: number }[] = []
  for (const [i, retro] of retros.entries()) {
    results.push(ok({ launch: null, numbers: [] }))
    if (!retro.postmortems.length) results[i] = err('INVALID_INPUT', { message: 'NO_STRUCTURE' })
    else
      try {
        valid.push({ docs: retro.postmortems.map((pm) => toDocument(pm, people, null, factors)), retro, i })
      } catch (error) {
        if (!(error instanceof ZodError)) throw error
        results[i] = err('INVALID_INPUT', { message: error.issues[0]?.message ?? 'INVALID' })
      }
  }
  const save = (batch: typeof valid) =>
    db.$transaction(
      async (tx) => {
        // One after another: two retros naming the same launch get two slugs, not a conflict.
        const launches: Awaited<ReturnType<typeof launchFor>>[] = []
        for (const { retro } of batch) launches.push(await launchFor(tx, retro))
        const docs = batch.map(({ docs }, k) =>
          docs.map((doc) => ({ ...doc, launchId: launches[k]?.id ?? null })),
        )
        const rows = await insertPostmortems(tx, actor, docs.flat())
        let next = 0
        for (const [k, { i }] of batch.entries()) {
          const numbers = rows.slice(next, (next += docs[k]!.length)).map((r) => r.number)
          results[i] = ok({ launch: launches[k] ? { slug: launches[k].slug } : null, numbers })
        }
      },
      { timeout: 60_000 },
    )
  if (!valid.length) return results
  try {
    await save(valid)
  } catch (error) {
    if (valid.length === 1) throw error
    for (const one of valid) await save([one]).catch((e: unknown) => (results[one.i] = failed(e)))
  }
  return results
}

/** A retro of several incidents gets a launch to hold them. */
const launchFor = (tx: Tx, retro: ParsedRetro) =>
  retro.launch
    ? insertLaunch(tx, {
        name: retro.launch.name.slice(0, 120),
        description: '',
        plannedAt: null,
        launchedAt: null,
      })
    : Promise.resolve(null)

/** A retro the database refused when saved alone (almost always something in the file): reported for it, the others go on. */
function failed(error: unknown): Imported {
  console.error('import failed', error)
  return err('INVALID_INPUT', { message: 'NOT_SAVED' })
}
