import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { documentInclude, toDocument } from './document'
import { isGeneric, queryConcepts, type Concept } from '../search/query-concepts'
import { rankByConcepts, rarityOf, type RankedConcept } from '../search/rank-concepts'
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
 * Past postmortems like a text being written (title, symptom, root cause), above a relevance
 * threshold that does not depend on how many postmortems there are or how long the text is: a
 * postmortem must hold at least MIN_SHARED of the text's keywords and MIN_COVERAGE of their weight,
 * so an unrelated incident that shares a common word ("用户", "error") is not listed. Ranked by
 * BM25 over the keywords (rank-concepts.ts); each with the passage that shares the most with the
 * text. Glossary phrases count in either language: a symptom in English finds a retro in Chinese.
 */
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
  const all = queryConcepts(text, { maxLength: 20_000 }).filter((c) => !isGeneric(c))
  if (all.length < MIN_SHARED) return []
  const publishedOnly = onlyPublished || !hasRole(actor, 'EDITOR')
  // Rarity first; then the keywords alone are ranked on.
  const chosen = keywords(await rarityOf(all, { exclude }))
  const matches = await rankByConcepts({
    concepts: chosen,
    where: (seed) => Prisma.sql`p."searchVector" @@ ${seed}::tsquery AND p.number <> ${exclude ?? 0}
      AND (${publishedOnly} = false OR p.status::text = 'PUBLISHED')`,
    vector: Prisma.sql`p."searchVector"`,
    cap: 1_000,
  })
  const similar = matches
    .filter((m) => m.shared.length >= MIN_SHARED && m.coverage >= MIN_COVERAGE)
    .slice(0, MAX_RESULTS)
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
