import 'server-only'
import { z } from 'zod'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import {
  filterText,
  postmortemStatuses,
  rootCauseCategories,
  severities,
  type PostmortemStatus,
} from '../postmortems/schemas'
import { correctTypos, type Correction } from './correct-typos'
import { snippetsFor, type Snippet, type SnippetSource } from './snippets'
import { expandQuery } from './expand-query'
import { queryTerms, toTsQuery } from './tokenize'

/** Matches are ranked among at most this many candidates; beyond it the total says "many". */
export const CANDIDATE_CAP = 500

/** Where the words must occur: hypotheses (statement or evidence), or root cause and confirmed hypotheses. */
export const searchScopes = ['hypotheses', 'confirmed'] as const
export type SearchScope = (typeof searchScopes)[number]

export const searchInput = z.object({
  q: z.string().trim().max(200).default(''),
  status: z.enum(postmortemStatuses).optional().catch(undefined),
  severity: z.enum(severities).optional().catch(undefined),
  launch: filterText(100),
  tag: filterText(50),
  service: filterText(50),
  category: z.enum(rootCauseCategories).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  scope: z.enum(searchScopes).optional().catch(undefined),
  sort: z.enum(['relevance', 'date']).default('relevance').catch('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(20).catch(20),
})
export type SearchInput = z.infer<typeof searchInput>

export type SearchResult = {
  id: string
  number: number
  title: string
  status: PostmortemStatus
  score: number
  launch: string | null
  updatedAt: Date
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

type Row = SnippetSource & {
  id: string
  number: number
  status: PostmortemStatus
  launch: string | null
  updatedAt: Date
  score: number
  total: bigint | number
}

/**
 * Full-text search over postmortems (docs/decisions/008-search.md): the GIN index finds a
 * capped candidate set, which alone is ranked — ts_rank over every match of a common term
 * would read them all. MATERIALIZED keeps the planner from walking an index backwards.
 */
export async function searchPostmortems({
  actor,
  input,
}: {
  actor: Actor
  input: SearchInput
}): Promise<SearchResponse> {
  const started = performance.now()
  const terms = queryTerms(input.q)
  const exact = toTsQuery(terms)
  if (!exact) return { query: input.q, total: 0, capped: false, tookMs: 0, corrections: [], results: [] }
  // Mistyped English words (typos.ts): the query with the closest indexed words, ranked below exact matches.
  const corrections = await correctTypos(terms)
  const correctedQuery = corrections.length ? withCorrections(input.q, corrections) : input.q
  const corrected = corrections.length ? toTsQuery(queryTerms(correctedQuery)) : exact
  // The same question in the other language (glossary.json): found too, ranked below exact matches.
  const alternatives = [
    ...(corrections.length ? [correctedQuery] : []),
    ...new Set([...expandQuery(input.q), ...(corrections.length ? expandQuery(correctedQuery) : [])]),
  ].map(queryTerms)
  const tsquery = [exact, ...alternatives.map(toTsQuery).filter(Boolean)].map((q) => `(${q})`).join(' | ')
  const highlight = [...terms, ...alternatives.flat()]
  // Exact matches first, then corrected ones, then the other language: only when there are tiers.
  const tiered = alternatives.length > 0
  const status = hasRole(actor, 'EDITOR') ? (input.status ?? null) : 'PUBLISHED'
  const scope = input.scope ?? 'all'
  const rows = await db.$queryRaw<Row[]>`
    WITH candidates AS MATERIALIZED (
      -- Ranked here, while the row is at hand: each tsvector is read (detoasted) once.
      SELECT p.id, p.number, p."updatedAt", COALESCE(p."occurredAt", p."createdAt") AS occurred,
        ts_rank_cd(p."searchVector", ${tsquery}::tsquery) AS score,
        CASE WHEN ${tiered} THEN p."searchVector" @@ ${exact}::tsquery END AS exact,
        CASE WHEN ${corrections.length > 0} THEN p."searchVector" @@ ${corrected}::tsquery END AS corrected
      FROM "Postmortem" p
      LEFT JOIN "Launch" l ON l.id = p."launchId"
      -- One of the three is the condition (the others fold to true): each has its own GIN index.
      WHERE (${scope}::text <> 'all' OR p."searchVector" @@ ${tsquery}::tsquery)
        AND (${scope}::text <> 'hypotheses' OR p."hypothesisVector" @@ ${tsquery}::tsquery)
        AND (${scope}::text <> 'confirmed' OR p."rootCauseVector" @@ ${tsquery}::tsquery)
        AND (${status}::text IS NULL OR p.status::text = ${status}::text)
        AND (${input.severity ?? null}::text IS NULL OR p.severity::text = ${input.severity ?? null}::text)
        AND (${input.launch ?? null}::text IS NULL OR l.slug = ${input.launch ?? null}::text)
        AND (${input.category ?? null}::text IS NULL OR p."rootCauseCategory"::text = ${input.category ?? null}::text)
        AND (${input.from ?? null}::date IS NULL OR p."occurredAt" >= ${input.from ?? null}::date)
        AND (${input.to ?? null}::date IS NULL OR p."occurredAt" < ${input.to ?? null}::date + 1)
        AND (${input.tag ?? null}::text IS NULL OR EXISTS (
          SELECT 1 FROM "PostmortemTag" pt JOIN "Tag" t ON t.id = pt."tagId"
          WHERE pt."postmortemId" = p.id AND t.name = ${input.tag ?? null}::text))
        AND (${input.service ?? null}::text IS NULL OR EXISTS (
          SELECT 1 FROM "PostmortemService" ps JOIN "Service" s ON s.id = ps."serviceId"
          WHERE ps."postmortemId" = p.id AND s.name = ${input.service ?? null}::text))
      LIMIT ${CANDIDATE_CAP + 1}
    )
    , page AS (
      SELECT id, score, (SELECT count(*) FROM candidates) AS total, occurred, exact, corrected, "updatedAt", number
      FROM candidates
      ORDER BY
      CASE WHEN ${input.sort} = 'date' THEN occurred END DESC NULLS LAST,
      exact DESC NULLS LAST, corrected DESC NULLS LAST, score DESC, "updatedAt" DESC, number DESC
      LIMIT ${input.limit}
    )
    -- The result page with what its snippets read, in the same round trip (PGlite pays ~3 ms a query).
    SELECT c.id, p.number, p.title, p.status::text AS status, p."updatedAt", l.name AS launch, c.score, c.total,
      p.summary, p.detection, p.symptom, p.impact, p."rootCause", p.resolution, p.verification,
      COALESCE((SELECT json_agg(json_build_object('statement', h.statement, 'status', h.status, 'evidence', h.evidence)
        ORDER BY h.position) FROM "Hypothesis" h WHERE h."postmortemId" = p.id), '[]') AS hypotheses,
      COALESCE((SELECT json_agg(json_build_object('text', x.text) ORDER BY x.position)
        FROM "Lesson" x WHERE x."postmortemId" = p.id), '[]') AS lessons,
      COALESCE((SELECT json_agg(json_build_object('kind', x.kind, 'text', x.text) ORDER BY x.position)
        FROM "TimelineEntry" x WHERE x."postmortemId" = p.id), '[]') AS timeline,
      COALESCE((SELECT json_agg(json_build_object('text', x.text) ORDER BY x.position)
        FROM "OpenQuestion" x WHERE x."postmortemId" = p.id), '[]') AS "openQuestions",
      COALESCE((SELECT json_agg(json_build_object('title', x.title) ORDER BY x.position)
        FROM "ActionItem" x WHERE x."postmortemId" = p.id), '[]') AS "actionItems"
    FROM page c JOIN "Postmortem" p ON p.id = c.id LEFT JOIN "Launch" l ON l.id = p."launchId"
    ORDER BY
      CASE WHEN ${input.sort} = 'date' THEN c.occurred END DESC NULLS LAST,
      c.exact DESC NULLS LAST, c.corrected DESC NULLS LAST, c.score DESC, c."updatedAt" DESC, c.number DESC`
  const total = Number(rows[0]?.total ?? 0)
  const results = rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    score: Math.round(Number(row.score) * 1e4) / 1e4,
    launch: row.launch,
    updatedAt: row.updatedAt,
    snippets: snippetsFor(row, highlight, { scope: input.scope }),
  }))
  return {
    query: input.q,
    total: Math.min(total, CANDIDATE_CAP),
    capped: total > CANDIDATE_CAP,
    tookMs: Math.round(performance.now() - started),
    corrections,
    results,
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
