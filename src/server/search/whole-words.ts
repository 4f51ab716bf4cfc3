import 'server-only'
import { db } from '../db'
import { foldLatin, type QueryTerm } from './tokenize'

/**
 * The vocabulary holds Latin words of four letters or more (tokenize.ts, `vocabularyWords`): every
 * word longer than a three-letter one is in it, so "uid" can be told too.
 */
const MIN_LENGTH = 3

/**
 * The stems of the typed words that no other word of the archive begins with ("mysql", "kafka"):
 * searched as themselves, not as prefixes. A typed word is a prefix so that "dead" finds
 * "deadlock"; when the vocabulary ("SearchWord") holds no longer word, the prefix would find only
 * the word itself, but the word index cannot skip through a prefix's postings as it does through
 * a word's: it gathers every posting of every word the prefix covers first. At a million
 * postmortems `MySQL 死锁` read 18,000 candidates that way in 84 ms, and 12,600 in 7 ms as a word
 * (decision 066). A stem of four letters or more may have had its last letter changed by the
 * stemmer (happy → happi): it is looked up without it. A three-letter one is looked up whole.
 */
export async function wholeWords(terms: QueryTerm[]): Promise<Set<string>> {
  const words = new Map<string, { text: string; begins: string }>()
  for (const t of terms)
    if (t.kind === 'word' && !t.exact && t.stem.length >= MIN_LENGTH) {
      const text = foldLatin(t.text)
      const begins = t.stem.length > MIN_LENGTH ? t.stem.slice(0, -1) : t.stem
      if (/^\p{Script=Latin}+$/u.test(text)) words.set(t.stem, { text, begins })
    }
  if (!words.size) return new Set()
  const list = [...words]
  // The stems hold letters only: nothing in them means anything to LIKE.
  const rows = await db.$queryRaw<{ stem: string }[]>`
    SELECT u.stem
    FROM unnest(${list.map(([stem]) => stem)}::text[], ${list.map(([, w]) => w.text)}::text[],
      ${list.map(([, w]) => `${w.begins}%`)}::text[]) AS u(stem, text, pattern)
    WHERE NOT EXISTS (
      SELECT 1 FROM "SearchWord" k WHERE k.word LIKE u.pattern AND k.word <> u.text AND k.word <> u.stem)`
  return new Set(rows.map((r) => r.stem))
}
