import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { searchInput, type PostmortemStatus, type SearchInput } from './schemas'
import type { Correction } from '../search/correct-typos'
import { snippetsFor, type Snippet, type SnippetSource } from '../search/snippets'
import type { ListTexts } from '../search/index-postmortem'
import { conceptTsQuery, queryConcepts, type Concept } from '../search/query-concepts'
import { CANDIDATE_CAP, matchClasses, type MatchClass } from '../search/match-classes'
import { newestOfClass } from '../search/newest-of-class'
import { matchesToCap } from '../search/matches-to-cap'
import { queryForms, scopeVectors, type QueryForms } from '../search/query-forms'
import { rankByConcepts, rarityOf } from '../search/rank-concepts'
import { matchEstimate, type SearchColumn } from '../search/word-postings'
import { databaseTarget } from '../env'
import type { QueryTerm } from '../search/tokenize'
import { contentLanguageOf, type ContentLanguage } from './content-language'
import { incidentDateSql } from '../incident-date'

export type SearchResult = {
  id: string
  number: number
  title: string
  /** The language its text is written in, for `lang` on its title and snippets. */
  language: ContentLanguage | null
  status: PostmortemStatus
  /** How well it matched, comparable within its tier (every word, or `partial`). */
  score: number
  launch: string | null
  updatedAt: Date
  /** Holds some of the words of a question typed as a sentence, not all (after those that hold all). */
  partial: boolean
  snippets: Snippet[]
}

export type SearchResponse = {
  query: string
  total: number
  capped: boolean
  tookMs: number
  /** Mistyped words that were also searched as the closest indexed word (replcation → replication). */
  corrections: Correction[]
  results: SearchResult[]
}

type Row = Omit<SnippetSource, keyof ListTexts> & {
  id: string
  number: number
  language: string | null
  status: PostmortemStatus
  launch: string | null
  updatedAt: Date
  score: number
  /** Null until the search documents of SEARCH_INDEX_VERSION 2 are built (npm start does). */
  snippetSource: ListTexts | null
}

const noLists: ListTexts = {
  hypotheses: [],
  lessons: [],
  timeline: [],
  openQuestions: [],
  actionItems: [],
  tags: [],
  services: [],
}

/**
 * The result page and what its snippets read: the texts, and the lists' texts kept with the search
 * documents (`snippetSource`), for `p` and `l`.
 */
const pageColumns = Prisma.sql`p.id, p.number, p.title, p.language, p.status::text AS status, p."updatedAt", l.name AS launch,
      p.summary, p.detection, p.symptom, p.impact, p."rootCause", p.resolution, p.verification, p."snippetSource"`

const keptSearches = dataVersionCache<SearchResponse>('searches', { maxEntries: 200 })

const searchFields = Object.keys(searchInput.shape) as (keyof SearchInput)[]

/** Who searches (what they may see) and what for. */
type Search = { actor: Actor; input: SearchInput }

/**
 * A search, kept against the data version (decision 054): the same query and filters give the
 * same page to every reader who sees the same postmortems (editors see drafts), until anything
 * it reads changes. `tookMs` is this call's time, kept or not.
 */
export async function searchPostmortems(search: Search): Promise<SearchResponse> {
  const started = performance.now()
  const { actor, input } = search
  // Every field of the search's input, in the schema's order: a filter added later is in the key.
  const key = readerKey(actor, ...searchFields.map((field) => input[field] ?? ''))
  const response = await keptSearches(key, () => runSearch(search))
  return { ...response, tookMs: Math.round(performance.now() - started) }
}

/**
 * Full-text search over postmortems (docs/decisions/008-search.md, 033-exact-search.md), asked
 * of the database every time: what `searchPostmortems` keeps, and what bench:search measures.
 * Postmortems that hold every word of the query (as typed, corrected or in the other language)
 * come first, best first; when they do not fill the page, those that share most of its concepts
 * follow (`sharedConcepts`): a question typed as a sentence rarely has all its words in one retro.
 */
export async function runSearch({ actor, input }: Search): Promise<SearchResponse> {
  const started = performance.now()
  const forms = await queryForms(input.q)
  if (!forms) return { query: input.q, total: 0, capped: false, tookMs: 0, corrections: [], results: [] }
  const status = hasRole(actor, 'EDITOR') ? (input.status ?? null) : 'PUBLISHED'
  const scope = input.scope ?? 'all'
  const filters = searchFilters(input, status)
  // The scope's own tsvector, each with its GIN index: it decides what matches and in which tier.
  const vector = Prisma.raw(`p."${scopeVectors[scope]}"`)
  // Up to the cap every match is ranked; past it that would read them all, and the page is every
  // match's first by class and date (decision 036).
  const classPage = (signal?: AbortSignal) =>
    everyMatchPage({
      classes: matchClasses(forms, scope, input.sort),
      any: forms.any,
      filters,
      limit: input.limit,
      signal,
    })
  // That page does not depend on the cap question, which is most of a common query's time: on
  // the server it is asked for at the same time, on another connection, when the query looks
  // common enough to pass the cap (decision 056). A wrong guess costs work, never the answer,
  // and the work stops when the cap question says it is not needed: a filter the statistics do
  // not count (a period with none of the query's matches) left every class to read (decision 068).
  const unneeded = new AbortController()
  const early = (await likelyPastCap(scopeVectors[scope], forms.any)) ? classPage(unneeded.signal) : null
  early?.catch(() => {})
  const matches = await matchesToCap({
    column: scopeVectors[scope],
    query: forms.any,
    filters,
    cap: CANDIDATE_CAP,
  })
  if (!matches.pastCap) unneeded.abort()
  const total = matches.pastCap ? CANDIDATE_CAP + 1 : matches.ids.length
  const rows = matches.pastCap
    ? await (early ?? classPage())
    : total
      ? await rankedPage({
          forms,
          vector,
          ids: matches.ids,
          limit: input.limit,
          sort: input.sort,
        })
      : []
  const result = (row: Row, formsOf: QueryTerm[][], partial = false): SearchResult => ({
    id: row.id,
    number: row.number,
    title: row.title,
    language: contentLanguageOf(row),
    status: row.status,
    score: Math.round(Number(row.score) * 1e4) / 1e4,
    launch: row.launch,
    updatedAt: row.updatedAt,
    partial,
    snippets: snippetsFor({ ...row, ...(row.snippetSource ?? noLists) }, formsOf, { scope: input.scope }),
  })
  const results = rows.map((row) => result(row, forms.snippetForms))
  // Too few hold every word (by relevance): those that share the most of the query's concepts follow.
  let more = 0
  if (input.sort === 'relevance' && rows.length < input.limit) {
    const shared = await sharedConcepts({
      query: input.q,
      corrected: forms.correctedQuery,
      exclude: rows.map((r) => r.id),
      limit: input.limit - rows.length,
      filters,
      vector,
    })
    more = shared.total
    if (shared.ids.length) {
      const scores = new Map(shared.ids.map((s) => [s.id, s.score]))
      const conceptForms = shared.concepts.flatMap((c) => c.forms)
      for (const row of await pageRows([...scores.keys()], Prisma.sql`0`))
        results.push(result({ ...row, score: scores.get(row.id)! }, conceptForms, true))
    }
  }
  return {
    query: input.q,
    total: Math.min(total + more, CANDIDATE_CAP),
    capped: total + more > CANDIDATE_CAP,
    tookMs: Math.round(performance.now() - started),
    corrections: forms.corrections,
    results,
  }
}

/**
 * Whether a query is worth its class page before the cap question answers: on the server only
 * (the embedded database runs one statement at a time), when the planner's statistics count it
 * at twice the cap or more.
 */
async function likelyPastCap(column: SearchColumn, query: string): Promise<boolean> {
  if (!concurrentStatements) return false
  return ((await matchEstimate(column, query)) ?? 0) >= 2 * (CANDIDATE_CAP + 1)
}

const concurrentStatements = databaseTarget().kind === 'postgres'

/**
 * The conditions of the filters that are set, on `p` and `l` (`true` when none is): each
 * statement of a search repeats them in every step, and Postgres parses and plans what it is
 * sent, conditions on values that are not there included.
 */
function searchFilters(input: SearchInput, status: PostmortemStatus | null): Prisma.Sql {
  const { severity, launch, category, from, to, tag, service } = input
  const conditions = [
    status && Prisma.sql`p.status::text = ${status}`,
    severity && Prisma.sql`p.severity::text = ${severity}`,
    launch && Prisma.sql`l.slug = ${launch}`,
    category && Prisma.sql`p."rootCauseCategory"::text = ${category}`,
    from && Prisma.sql`${incidentDateSql('p')} >= ${from}::date`,
    to && Prisma.sql`${incidentDateSql('p')} < ${to}::date + 1`,
    tag &&
      Prisma.sql`EXISTS (SELECT 1 FROM "PostmortemTag" pt JOIN "Tag" t ON t.id = pt."tagId"
        WHERE pt."postmortemId" = p.id AND t.name = ${tag})`,
    service &&
      Prisma.sql`EXISTS (SELECT 1 FROM "PostmortemService" ps JOIN "Service" s ON s.id = ps."serviceId"
        WHERE ps."postmortemId" = p.id AND s.name = ${service})`,
  ].filter((c): c is Prisma.Sql => !!c)
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`
}

/** The postmortems whose scope's tsvector (`vector`) matches the query. */
const matching = (vector: Prisma.Sql, q: string) => Prisma.sql`${vector} @@ ${q}::tsquery`

type PageQuery = {
  forms: QueryForms
  vector: Prisma.Sql
  /** Every match (no more than the cap). */
  ids: string[]
  limit: number
  sort: SearchInput['sort']
}

/**
 * Every match ranked (ts_rank_cd over the whole document) within the query's forms, and the page
 * with what its snippets read, in one round trip (PGlite pays ~3 ms a query).
 */
function rankedPage({ forms, vector, ids, limit, sort }: PageQuery) {
  const tiered = forms.any !== forms.exact
  const corrected = forms.corrected !== forms.exact
  return db.$queryRaw<Row[]>`
    WITH candidates AS MATERIALIZED (
      SELECT p.id, p.number, p."updatedAt", ${incidentDateSql('p')} AS occurred,
        ts_rank_cd(p."searchVector", ${forms.any}::tsquery) AS score,
        CASE WHEN ${tiered} THEN ${vector} @@ ${forms.exact}::tsquery END AS exact,
        CASE WHEN ${corrected} THEN ${vector} @@ ${forms.corrected}::tsquery END AS corrected
      FROM "Postmortem" p
      WHERE p.id = ANY(${ids}::text[])
    )
    , page AS (
      SELECT id, score, occurred, exact, corrected, "updatedAt", number
      FROM candidates
      ORDER BY
      CASE WHEN ${sort} = 'date' THEN occurred END DESC NULLS LAST,
      exact DESC NULLS LAST, corrected DESC NULLS LAST, score DESC, "updatedAt" DESC, number DESC
      LIMIT ${limit}
    )
    SELECT ${pageColumns}, c.score
    FROM page c JOIN "Postmortem" p ON p.id = c.id LEFT JOIN "Launch" l ON l.id = p."launchId"
    ORDER BY
      CASE WHEN ${sort} = 'date' THEN c.occurred END DESC NULLS LAST,
      c.exact DESC NULLS LAST, c.corrected DESC NULLS LAST, c.score DESC, c."updatedAt" DESC, c.number DESC`
}

/**
 * The first `limit` of every match in class order (match-classes.ts): one class after another
 * until the page is full, each skipping what the classes before it returned. A class that
 * returns fewer than it was asked for has given every match it holds, so the page stays exact.
 */
async function everyMatchPage({
  classes,
  any,
  filters,
  limit,
  signal,
}: {
  classes: MatchClass[]
  any: string
  filters: Prisma.Sql
  limit: number
  /** Aborted when the page is no longer wanted: no class is read after that. */
  signal?: AbortSignal
}): Promise<Row[]> {
  const ids: string[] = []
  for (const { field, query } of classes) {
    if (ids.length >= limit || signal?.aborted) break
    const rest = Prisma.sql`${filters} AND NOT (p.id = ANY(${ids}::text[]))`
    ids.push(...(await newestOfClass({ field: Prisma.raw(field), query, rest, limit: limit - ids.length })))
  }
  if (signal?.aborted) return []
  return pageRows(ids, Prisma.sql`ts_rank_cd(p."searchVector", ${any}::tsquery)`)
}

/** The page's rows (what their snippets read, and `score`), in the order of `ids`. */
async function pageRows(ids: string[], score: Prisma.Sql): Promise<Row[]> {
  if (!ids.length) return []
  const page = await db.$queryRaw<Row[]>`
    SELECT ${pageColumns}, ${score} AS score
    FROM "Postmortem" p LEFT JOIN "Launch" l ON l.id = p."launchId"
    WHERE p.id = ANY(${ids}::text[])`
  const byId = new Map(page.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * Queries with fewer concepts than this ("主从延迟 curl") find only postmortems that hold every
 * word, unless none does: then those that hold some of them, marked partial, beat an empty page.
 */
const MIN_CONCEPTS = 3

/**
 * Postmortems that share the most concepts of a query written as a sentence (rank-concepts.ts).
 * Only those that share at least two words, or a third of the query's weight, are kept: one
 * shared common word is no reason to show a postmortem.
 */
async function sharedConcepts({
  query,
  corrected,
  exclude,
  limit,
  filters,
  vector,
}: {
  query: string
  /** The query with mistyped words corrected: its new concepts are guesses, worth half. */
  corrected: string
  exclude: string[]
  limit: number
  filters: Prisma.Sql
  /** The scope's tsvector. */
  vector: Prisma.Sql
}): Promise<{ ids: { id: string; score: number }[]; total: number; concepts: Concept[] }> {
  const typed = queryConcepts(query)
  // A short query means every word of it (decision 008): only a sentence is read for its
  // concepts, or a query of two or more words that nothing holds all of.
  const nothingWhole = exclude.length === 0 && typed.length >= 2
  if (typed.length < MIN_CONCEPTS && !nothingWhole) return { ids: [], total: 0, concepts: [] }
  const known = new Set(typed.map((c) => conceptTsQuery(c)))
  const concepts = [
    ...typed,
    ...(corrected === query ? [] : queryConcepts(corrected))
      .filter((c) => !known.has(conceptTsQuery(c)))
      .map((c) => ({ ...c, weight: c.weight / 2 })),
  ]
  const rarity = await rarityOf(concepts)
  const matches = await rankByConcepts({
    concepts: rarity,
    where: (seed) =>
      Prisma.sql`${matching(vector, seed)} AND ${filters} AND NOT (p.id = ANY(${exclude}::text[]))`,
    vector,
    cap: CANDIDATE_CAP,
  })
  const kept = matches.filter((m) => m.shared.length >= 2 || m.coverage >= 1 / 3)
  return {
    ids: kept.slice(0, limit).map((m) => ({ id: m.id, score: Math.round(m.score * 1e4) / 1e4 })),
    total: kept.length,
    concepts: rarity.filter((c) => c.df > 0).map((c) => c.concept),
  }
}
