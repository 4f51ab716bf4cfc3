import 'server-only'
import { z } from 'zod'
import { hasRole, type Actor } from '../auth/roles'
import { db } from '../db'
import { documentInclude, toDocument } from '../postmortems/document'
import { searchParts } from './index-postmortem'
import { documentTokens } from './tokenize'
import { translations } from './expand-query'
import { sentences } from '../imports/text'

export const similarInput = z.object({
  text: z.string().max(20_000),
  exclude: z.coerce.number().int().positive().optional(),
})

export type SimilarIncident = { number: number; title: string; status: string; sentence: string }

const quote = (token: string) => `'${token.replace(/'/g, "''")}'`

/**
 * Past postmortems most like a text being written (symptom, root cause): any of its distinct
 * words (bigrams for Chinese) may match, ranked by how much they cover; each with the
 * sentence that shares the most words with the text.
 */
export async function findSimilar({
  actor,
  text,
  exclude,
}: {
  actor: Actor
  text: string
  exclude?: number
}): Promise<SimilarIncident[]> {
  // The rarest-looking words carry the meaning: prefer longer tokens, drop very short Latin ones.
  // Glossary translations first: a symptom written in English finds a retro written in Chinese.
  const tokens = [...new Set([...translations(text).flatMap(documentTokens), ...documentTokens(text)])]
    .filter((t) => t.length > 1 && !/^\d+$/.test(t))
    .slice(0, 40)
  if (tokens.length < 2) return []
  const tsquery = tokens.map(quote).join(' | ')
  const publishedOnly = !hasRole(actor, 'EDITOR')
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH candidates AS MATERIALIZED (
      SELECT id, "searchVector" AS v FROM "Postmortem"
      WHERE "searchVector" @@ ${tsquery}::tsquery
        AND number <> ${exclude ?? 0}
        AND (${publishedOnly} = false OR status = 'PUBLISHED')
      LIMIT 1000
    )
    SELECT id FROM candidates ORDER BY ts_rank_cd(v, ${tsquery}::tsquery, 1) DESC LIMIT 5`
  if (!rows.length) return []
  const full = await db.postmortem.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: documentInclude,
  })
  const wanted = new Set(tokens)
  return rows.flatMap(({ id }) => {
    const row = full.find((r) => r.id === id)
    if (!row) return []
    const candidates = searchParts(toDocument(row)).flatMap((p) => sentences(p.text))
    let best = ''
    let score = 0
    for (const sentence of candidates) {
      const shared = new Set(documentTokens(sentence).filter((t) => wanted.has(t))).size
      if (shared > score) [best, score] = [sentence, shared]
    }
    return [{ number: row.number, title: row.title, status: row.status, sentence: best.slice(0, 200) }]
  })
}
