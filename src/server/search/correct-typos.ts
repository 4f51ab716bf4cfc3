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
  // One round trip: the words no indexed word starts with, each with its closest indexed words
  // (no row when every word is known, the common path). The trigram operator's threshold (default
  // 0.3) would miss a swap in a short word (cahce: 0.2): set_config(…, true) lowers it for this
  // statement only, and runs first, since every lookup reads `t` (LATERAL).
  const rows = await db.$queryRaw<{ text: string; word: string | null }[]>`
    SELECT u.text, s.word
    FROM (SELECT set_config('pg_trgm.similarity_threshold', '0.2', true)) AS t(threshold)
    CROSS JOIN unnest(${words.map((w) => w.text)}::text[], ${words.map((w) => w.stem)}::text[])
      WITH ORDINALITY AS u(text, stem, i)
    LEFT JOIN LATERAL (
      SELECT w.word, similarity(w.word, u.text) AS similarity FROM "SearchWord" w
      WHERE t.threshold IS NOT NULL AND w.word % u.text
      ORDER BY similarity(w.word, u.text) DESC, w.word LIMIT 20) s ON true
    WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" k WHERE k.word LIKE u.text || '%' OR k.word LIKE u.stem || '%')
    ORDER BY u.i, s.similarity DESC, s.word`
  const similar = new Map<string, string[]>()
  for (const { text, word } of rows) {
    const list = similar.get(text) ?? []
    if (word) list.push(word)
    similar.set(text, list)
  }
  const out: Correction[] = []
  for (const [text, candidates] of similar) {
    // Glossary words too: "replcation lag" → replication lag → 主从延迟 in a Chinese-only archive.
    const to = bestCorrection(text, [...candidates, ...glossaryWords])
    if (to) out.push({ from: text, to })
  }
  return out
}
