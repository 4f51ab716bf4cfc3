import 'server-only'
import { db } from '../db'
import type { QueryTerm } from './tokenize'
import { glossaryWords } from './expand-query'
import { bestCorrection, correctableWords } from './typos'

export type Correction = { from: string; to: string }

/**
 * Typo tolerance for English words (docs/decisions/008-search.md): a query word of five or
 * more letters that no indexed word starts with (as typed or as its stem) is matched against
 * the vocabulary ("SearchWord", a pg_trgm GIN index) and the closest word, at most two edits
 * away, is searched too (or the closest glossary word). Words that exist are never touched, so this costs one indexed
 * lookup on the common path. Glossary words are known too: they find the other language.
 */
export async function correctTypos(terms: QueryTerm[]): Promise<Correction[]> {
  const words = correctableWords(terms).filter((w) => !glossaryWords.has(w.text))
  if (!words.length) return []
  const known = await db.$queryRaw<{ text: string }[]>`
    SELECT u.text FROM unnest(${words.map((w) => w.text)}::text[], ${words.map((w) => w.stem)}::text[]) AS u(text, stem)
    WHERE EXISTS (SELECT 1 FROM "SearchWord" s WHERE s.word LIKE u.text || '%' OR s.word LIKE u.stem || '%')`
  const unknown = words.filter((w) => !known.some((k) => k.text === w.text))
  if (!unknown.length) return []
  return db.$transaction(async (tx) => {
    // The trigram operator's threshold (default 0.3) would miss a swap in a short word (cahce: 0.2).
    await tx.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', '0.2', true)`
    const out: Correction[] = []
    for (const { text } of unknown) {
      const rows = await tx.$queryRaw<{ word: string }[]>`
        SELECT word FROM "SearchWord" WHERE word % ${text}
        ORDER BY similarity(word, ${text}) DESC, word LIMIT 20`
      // Glossary words too: "replcation lag" → replication lag → 主从延迟 in a Chinese-only archive.
      const to = bestCorrection(text, [...rows.map((r) => r.word), ...glossaryWords])
      if (to) out.push({ from: text, to })
    }
    return out
  })
}
