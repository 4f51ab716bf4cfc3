import 'server-only'
import { db } from '../db'
import type { QueryTerm } from './tokenize'

/** The vocabulary holds Latin words of four letters or more (tokenize.ts, `vocabularyWords`). */
const MIN_VOCABULARY_LENGTH = 4

/**
 * The stems of the typed words that no other word of the archive begins with ("mysql", "kafka"):
 * searched as themselves, not as prefixes. A typed word is a prefix so that "dead" finds
 * "deadlock"; when the vocabulary ("SearchWord") holds no longer word, the prefix would find only
 * the word itself, but the word index cannot skip through a prefix's postings as it does through
 * a word's: it gathers every posting of every word the prefix covers first. At a million
 * postmortems `MySQL 死锁` read 18,000 candidates that way in 84 ms, and 12,600 in 7 ms as a word
 * (decision 066). A stem that may have lost its last letter to the stemmer (happy → happi) is
 * looked up without it.
 */
export async function wholeWords(terms: QueryTerm[]): Promise<Set<string>> {
  const words = new Map<string, string>()
  for (const t of terms)
    if (t.kind === 'word' && !t.exact && t.stem.length >= MIN_VOCABULARY_LENGTH) {
      const text = t.text.toLowerCase().normalize('NFKC')
      if (/^\p{Script=Latin}+$/u.test(text)) words.set(t.stem, text)
    }
  if (!words.size) return new Set()
  const rows = await db.$queryRaw<{ stem: string }[]>`
    SELECT u.stem FROM unnest(${[...words.keys()]}::text[], ${[...words.values()]}::text[]) AS u(stem, text)
    WHERE NOT EXISTS (
      SELECT 1 FROM "SearchWord" k
      WHERE k.word LIKE left(u.stem, -1) || '%' AND k.word <> u.text AND k.word <> u.stem)`
  return new Set(rows.map((r) => r.stem))
}
