import { incidentDateOf } from '../incident-date'
import { scopeVectors, type QueryForms, type Scope } from './query-forms'

/*
 * How a search orders its matches (decisions 008, 033 and 036). Up to CANDIDATE_CAP matches are
 * ranked by ts_rank_cd within the query's forms. Past it, ranking every match would read them all,
 * so the matches are ordered by class, then by the incident's date, newest first. A class is a form
 * of the query (as typed, corrected, other language) in a field tier (the title, the key fields,
 * anywhere). Each class is one indexed query, so the page is exactly the first of every match.
 * The search (search-postmortems.ts) and the exhaustive ranking that checks it
 * (exhaustive-ranking.ts) both read their order from here.
 */

/** At most this many matches are ranked by ts_rank_cd; past it, by class and date. */
export const CANDIDATE_CAP = 500

/**
 * The field tiers of a scope, best first, as SQL over `"Postmortem" p`: the title (weight A of the
 * search vector, index-postmortem.ts), the title with the key fields (weight B: symptom, root
 * cause, confirmed hypotheses, lessons, tags), then all of it. The first two are columns Postgres
 * derives from the search vector, each with a GIN index (migration `search_field_tiers`), so the
 * planner knows how many postmortems each holds. A scope's own vector is one tier.
 */
function fieldTiers(scope: Scope): string[] {
  return scope === 'all'
    ? ['p."titleVector"', 'p."keyVector"', 'p."searchVector"']
    : [`p."${scopeVectors[scope]}"`]
}

export type MatchClass = { field: string; query: string }

/**
 * The classes of a search past the cap, in order. Sorted by date, there is one class: every match.
 * Fixed SQL in `field`; `query` is a tsquery to pass as a parameter.
 */
export function matchClasses(forms: QueryForms, scope: Scope, sort: 'relevance' | 'date'): MatchClass[] {
  const whole = { field: `p."${scopeVectors[scope]}"`, query: forms.any }
  if (sort === 'date') return [whole]
  // A query with a corrected word holds nothing as typed: a word is corrected because no
  // postmortem holds it (correct-typos.ts). Its classes would only cost their lookups.
  const typed = forms.corrections.length ? [] : [forms.exact]
  return [...new Set([...typed, forms.corrected, forms.any])].flatMap((query) =>
    fieldTiers(scope).map((field) => ({ field, query })),
  )
}

/** The order within a class: the incident date, newest first (the index `Postmortem_incident_date_idx`). */
export const CLASS_ORDER = `${incidentDateOf('p')} DESC, p.number DESC`
