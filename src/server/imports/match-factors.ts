import { factorTerms } from './parse/vocabulary'

export type TaxonomyFactor = { id: string; name: string; archived?: boolean }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Latin words match whole; Chinese ones anywhere. */
const mentions = (text: string, word: string) => wholeWord(word)?.test(text) ?? text.includes(word)

/** A Latin word's pattern, made once: a folder import asks for each on every retro. */
const patterns = new Map<string, RegExp | null>()
function wholeWord(word: string): RegExp | null {
  let pattern = patterns.get(word)
  if (pattern === undefined) {
    pattern = /[a-z0-9]/.test(word) ? new RegExp(`(?<![a-z0-9])${escape(word)}(?![a-z0-9])`, 'i') : null
    patterns.set(word, pattern)
  }
  return pattern
}

/** "Change or deploy · 变更发布" → "change or deploy", "变更发布": the name in each of its languages. */
const nameParts = (name: string) =>
  [name, ...name.split(/\s*[·/|]\s*/)].map((p) => p.trim().toLowerCase()).filter(Boolean)

/**
 * The taxonomy's factors a retro names or suggests. A document that lists its factors (front
 * matter, Hindsight's export) is taken at its word: those it names, by the whole name or the
 * name in one language. Otherwise, those whose words (vocabulary.json `factors`) its root cause
 * uses. Archived factors are never proposed.
 */
export function matchFactors(
  { named, rootCause = '' }: { named?: string[]; rootCause?: string },
  taxonomy: TaxonomyFactor[],
): string[] {
  const active = taxonomy.filter((f) => !f.archived)
  if (named) {
    const wanted = new Set(named.map((n) => n.trim().toLowerCase()).filter(Boolean))
    return active.filter((f) => nameParts(f.name).some((p) => wanted.has(p))).map((f) => f.id)
  }
  const cause = rootCause.toLowerCase()
  const terms = factorTerms()
  return active
    .filter((f) => {
      const name = f.name.toLowerCase()
      return terms.some(([key, words]) => name.includes(key) && words.some((w) => mentions(cause, w)))
    })
    .map((f) => f.id)
}
