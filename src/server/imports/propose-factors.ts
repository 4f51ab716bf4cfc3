import 'server-only'
import { activeFactors } from '../factors/find-factors'
import { matchFactors } from './match-factors'
import type { ParsedRetro } from './parse-retro'

/**
 * Each postmortem of a parsed retro with its contributing factors by name, for the preview to
 * show and the person to change: those it names, else those its root cause suggests (decision
 * 028). Only the active taxonomy; the import maps the names back to the factors.
 */
export async function withProposedFactors(retro: ParsedRetro): Promise<ParsedRetro> {
  const taxonomy = await activeFactors()
  const nameOf = new Map(taxonomy.map((f) => [f.id, f.name]))
  return {
    ...retro,
    postmortems: retro.postmortems.map((pm) => ({
      ...pm,
      factors: matchFactors({ named: pm.factors, rootCause: pm.rootCause }, taxonomy).map((id) =>
        nameOf.get(id)!,
      ),
    })),
  }
}
