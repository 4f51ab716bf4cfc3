import 'server-only'
import { createHash } from 'node:crypto'
import { Prisma } from '@/generated/prisma/client'
import { dataVersionCache } from '../data-version-cache'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { documentInclude, toDocument } from './document'
import { isGeneric, queryConcepts, type Concept } from '../search/query-concepts'
import {
  rankByConcepts,
  rarityOf,
  type ConceptMatch,
  type RankedConcept,
  type RarityCache,
} from '../search/rank-concepts'
import { snippetsFor } from '../search/snippets'
import { contentLanguageOf, type ContentLanguage } from './content-language'

export type SimilarIncident = {
  number: number
  title: string
  /** The language its text is written in, for `lang` on the title and the sentence. */
  language: ContentLanguage | null
  status: string
  /** The passage that shares the most with the text, and the shared words in it ([start, end)). */
  sentence: string
  highlights: [number, number][]
}

/** The words that say what a text is about: its most distinctive concepts, at most this many. */
const KEYWORDS = 12
/** A past incident is shown only when it holds at least this many of them… */
const MIN_SHARED = 2
/** …and at least this share of their weight (Σ idf). */
const MIN_COVERAGE = 0.25
const MAX_RESULTS = 5

/**
 * The text's keywords: its concepts (query-concepts.ts: glossary phrases with their other
 * language, English words, Chinese words) weighted by how often the text says them and how rare
 * they are among past postmortems (tf·idf), the first KEYWORDS. A concept no postmortem holds stays
 * among them: a text about something new is not like anything old.
 */
function keywords(ranked: RankedConcept[]): RankedConcept[] {
  return [...ranked]
    .sort((a, b) => (1 + Math.log(b.concept.count)) * b.idf - (1 + Math.log(a.concept.count)) * a.idf)
    .slice(0, KEYWORDS)
}

/**
 * The postmortems like a text, best first, above a relevance threshold that does not depend on
 * how many postmortems there are or how long the text is: a postmortem must hold at least
 * MIN_SHARED of the text's keywords and MIN_COVERAGE of their weight, so an unrelated incident
 * that shares a common word ("用户", "error") is not listed. Ranked by BM25 over the keywords
 * (rank-concepts.ts). Glossary phrases count in either language: a symptom in English finds a
 * retro in Chinese. `where` narrows the postmortems (`p`) compared. The one rule behind the
 * similar incidents shown while writing, the launch proposals and the repeats (repeats.ts).
 */
export async function similarMatches({
  text,
  exclude,
  where,
  limit,
  within = 'searchVector',
  minCoverage = MIN_COVERAGE,
  cache,
}: {
  text: string
  /** The postmortem being written (its number), neither counted nor compared. */
  exclude?: number
  where: Prisma.Sql
  limit: number
  /** What of the postmortems is compared: everything, or the root cause and confirmed hypotheses. */
  within?: 'searchVector' | 'rootCauseVector'
  minCoverage?: number
  /** Rarities remembered while many texts are compared in a row (rank-concepts.ts). */
  cache?: RarityCache
}): Promise<ConceptMatch[]> {
  const all = queryConcepts(text, { maxLength: 20_000 }).filter((c) => !isGeneric(c))
  if (all.length < MIN_SHARED) return []
  // Rarity first; then the keywords alone are ranked on.
  const chosen = keywords(await rarityOf(all, { exclude, cache }))
  const vector = Prisma.sql`p.${Prisma.raw(`"${within}"`)}`
  const matches = await rankByConcepts({
    concepts: chosen,
    where: (seed) => Prisma.sql`${vector} @@ ${seed}::tsquery AND p.number <> ${exclude ?? 0} AND ${where}`,
    vector,
    cap: 1_000,
  })
  return matches.filter((m) => m.shared.length >= MIN_SHARED && m.coverage >= minCoverage).slice(0, limit)
}

/** The incidents like a text (a launch's description is read on every visit to its review), at this data version. */
const similarAtVersion = dataVersionCache<ConceptMatch[]>('similar', { maxEntries: 64 })

/** Past postmortems like a text being written (title, symptom, root cause), each with the passage that shares the most with it. */
export async function findSimilar({
  actor,
  text,
  exclude,
  publishedOnly: onlyPublished = false,
}: {
  actor: Actor
  text: string
  exclude?: number
  /** Drafts and postmortems in review are left out even for editors (launch proposals). */
  publishedOnly?: boolean
}): Promise<SimilarIncident[]> {
  const publishedOnly = onlyPublished || !hasRole(actor, 'EDITOR')
  const key = createHash('sha256')
    .update(JSON.stringify([text, exclude ?? 0, publishedOnly]))
    .digest('hex')
  const similar = await similarAtVersion(key, () =>
    similarMatches({
      text,
      exclude,
      where: Prisma.sql`(${publishedOnly} = false OR p.status::text = 'PUBLISHED')`,
      limit: MAX_RESULTS,
    }),
  )
  if (!similar.length) return []
  const rows = await db.postmortem.findMany({
    where: { id: { in: similar.map((m) => m.id) } },
    include: documentInclude,
  })
  return similar.flatMap((m) => {
    const row = rows.find((r) => r.id === m.id)
    if (!row) return []
    const [best] = snippetsFor(
      toDocument(row),
      m.shared.flatMap((c: Concept) => c.forms),
      { max: 1 },
    )
    return [
      {
        number: row.number,
        title: row.title,
        language: contentLanguageOf(row),
        status: row.status,
        sentence: best?.text ?? '',
        highlights: best?.highlights ?? [],
      },
    ]
  })
}
