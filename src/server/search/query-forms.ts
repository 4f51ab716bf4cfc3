import { correctTypos, type Correction } from './correct-typos'
import { expansions, phraseTerms, type Expansion } from './expand-query'
import { meaningfulTerms, wholeStopWords } from './query-concepts'
import { queryTerms, toTsQuery, type QueryTerm } from './tokenize'
import { wholeWords } from './whole-words'

/*
 * The forms a query is searched in (docs/decisions/008-search.md): as typed, with mistyped
 * English words corrected (typos.ts), and in the other language (glossary.json). Results come in
 * tiers: those holding the query as typed, then as corrected, then in the other language.
 */
/** The tsvector each search scope matches against (fixed names: safe to splice into SQL). */
export const scopeVectors = {
  all: 'searchVector',
  hypotheses: 'hypothesisVector',
  confirmed: 'rootCauseVector',
} as const
export type Scope = keyof typeof scopeVectors

export type QueryForms = {
  /** Every word as typed. */
  exact: string
  /** Every word with the typos corrected (the same as `exact` when there were none). */
  corrected: string
  /** Any form: as typed, corrected, or in the other language. */
  any: string
  corrections: Correction[]
  correctedQuery: string
  /** The terms of each form, for the snippets (each result shows why it matched). */
  snippetForms: QueryTerm[][]
}

export async function queryForms(query: string): Promise<QueryForms | null> {
  const typedTerms = wholeStopWords(queryTerms(query))
  if (!typedTerms.length) return null
  const [corrections, whole] = await Promise.all([correctTypos(typedTerms), wholeWords(typedTerms)])
  const terms = whole.size
    ? typedTerms.map((t) => (t.kind === 'word' && whole.has(t.stem) ? { ...t, exact: true } : t))
    : typedTerms
  const exact = toTsQuery(terms)!
  const correctedQuery = corrections.length ? withCorrections(query, corrections) : query
  const correctedTerms = corrections.length ? wholeStopWords(queryTerms(correctedQuery)) : terms
  const corrected = corrections.length ? (toTsQuery(correctedTerms) ?? exact) : exact
  // The other language's words are the glossary's, whole: their stems, not prefixes. A word the
  // reader typed stays a prefix (dead → deadlock), but for a stop word (wholeStopWords) and a word
  // no longer word of the archive begins with (whole-words.ts). A prefix
  // makes the GIN index gather every posting of every word it covers before it checks one match
  // ('cach':* for 缓存: 65,000 postmortems of 100,000), decision 037.
  const typed = new Set([...terms, ...correctedTerms].flatMap((t) => (t.kind === 'word' ? [t.stem] : [])))
  const glossaryTerms = ({ text, phrase }: Expansion) =>
    phraseTerms(
      wholeStopWords(queryTerms(text)).map((t) =>
        t.kind === 'word' && (!typed.has(t.stem) || whole.has(t.stem)) ? { ...t, exact: true } : t,
      ),
      phrase,
    )
  // Glossary words that stem alike (cache, caching, cached → cach) are one alternative: each
  // copy would be checked again on every postmortem that holds its words.
  const seen = new Set([exact])
  const alternatives = [
    ...(corrections.length ? [correctedTerms] : []),
    ...[...expansions(query), ...(corrections.length ? expansions(correctedQuery) : [])].map(glossaryTerms),
  ].filter((t) => {
    const q = toTsQuery(t)
    if (!q || seen.has(q)) return false
    seen.add(q)
    return true
  })
  const any = [exact, ...alternatives.map((t) => toTsQuery(t))].map((q) => `(${q})`).join(' | ')
  return {
    exact,
    corrected,
    any: alternatives.length ? any : exact,
    corrections,
    correctedQuery,
    snippetForms: [terms, ...alternatives].map(meaningfulTerms),
  }
}

/** The query with each corrected word replaced, as a whole word. */
function withCorrections(query: string, corrections: Correction[]): string {
  return corrections.reduce(
    (q, { from, to }) =>
      q.replace(new RegExp(`(?<![\\p{Script=Latin}])${from}(?![\\p{Script=Latin}])`, 'giu'), to),
    query,
  )
}
