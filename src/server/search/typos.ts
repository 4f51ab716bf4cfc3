import type { QueryTerm } from './tokenize'

/** Words shorter than this are never corrected: too many real words lie one letter apart. */
export const MIN_TYPO_LENGTH = 5

/** Query words that may be corrected: all Latin letters (no digits, no Chinese), long enough. */
export function correctableWords(terms: QueryTerm[]): { text: string; stem: string }[] {
  const out = new Map<string, { text: string; stem: string }>()
  for (const term of terms) {
    if (term.kind !== 'word') continue
    const text = term.text.toLowerCase().normalize('NFKC')
    if (text.length >= MIN_TYPO_LENGTH && /^\p{Script=Latin}+$/u.test(text))
      out.set(text, { text, stem: term.stem })
  }
  return [...out.values()]
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  // Three rows of the table are enough: this one, the one above, and the one above that (swaps).
  let above2 = new Array<number>(b.length + 1).fill(0)
  let above = Array.from({ length: b.length + 1 }, (_, j) => j)
  let row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, above2[j - 2]! + 1)
      row[j] = d
    }
    ;[above2, above, row] = [above, row, above2]
  }
  return above[b.length]!
}

/**
 * The vocabulary word a mistyped word most likely meant: at most two edits away, fewest edits
 * first, then the order of `candidates` (most trigrams in common first). Null if none is close.
 */
export function bestCorrection(word: string, candidates: string[]): string | null {
  let best: { word: string; distance: number } | null = null
  for (const candidate of candidates) {
    if (candidate === word) return null
    // Lengths that differ by more than two need more than two edits: most of the glossary's words.
    if (Math.abs(candidate.length - word.length) > 2) continue
    const distance = editDistance(word, candidate)
    if (distance <= 2 && (!best || distance < best.distance)) best = { word: candidate, distance }
  }
  return best?.word ?? null
}
