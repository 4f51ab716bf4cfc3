import glossary from './glossary.json'
import stopwords from './stopwords.json'
import { queryTerms, type QueryTerm } from './tokenize'

const groups = glossary.groups.map((group) => group.map((phrase) => phrase.toLowerCase()))
/** Latin words of the glossary: known words, never taken for typos ("cache" with no English retro). */
export const glossaryWords = new Set(
  groups.flat().flatMap((phrase) => phrase.match(/\p{Script=Latin}+/gu) ?? []),
)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A phrase's pattern: Chinese anywhere, English as whole words (compiled once, on first use). */
const patterns = new Map<string, RegExp>()
function pattern(phrase: string): RegExp {
  let re = patterns.get(phrase)
  if (!re) {
    re = /^[\p{Script=Han}]+$/u.test(phrase)
      ? new RegExp(escape(phrase))
      : new RegExp(`(?<![\\p{Script=Latin}])${escape(phrase)}(?![\\p{Script=Latin}])`, 'iu')
    patterns.set(phrase, re)
  }
  return re
}

/** Finds a phrase in the query. */
function locate(query: string, phrase: string): RegExp | null {
  const re = pattern(phrase)
  return re.test(query) ? re : null
}

/**
 * Every phrase with its group, longest first (so 主从延迟 wins over 主从). `plain`: ASCII and Chinese
 * only, so the phrase can match only where the lower-cased query holds it (see `folded`).
 */
const byLength = groups
  .flatMap((group) =>
    group.map((phrase) => ({ phrase, group, plain: /^[\x00-\x7F\p{Script=Han}]+$/u.test(phrase) })),
  )
  .sort((a, b) => b.phrase.length - a.phrase.length)

/**
 * The query as a case-insensitive pattern sees it, for a cheap test before the pattern runs: ſ is
 * the one letter that matches an ASCII letter (s) ignoring case but is not lower-cased to it.
 */
const folded = (query: string) => query.toLowerCase().replace(/ſ/g, 's')

/** The query in the other language, and the glossary's phrase that was put into it. */
export type Expansion = { text: string; phrase: string }

/**
 * The query in the other language(s), by the glossary: "主从延迟" → "replication lag",
 * "replica lag"; "uid 索引" → "uid index". Longest phrases first, so 主从延迟 wins over 主从.
 * At most `max` alternatives; the original is not among them.
 */
export function expandQuery(query: string, max = 4): string[] {
  return expansions(query, max).map((e) => e.text)
}

/** `expandQuery`, each alternative with the glossary phrase it holds (`phraseTerms`). */
export function expansions(query: string, max = 4): Expansion[] {
  const out = new Map<string, Expansion>()
  const used: string[] = []
  // Most of the ~2,000 phrases are not in the query at all: only those it holds run their pattern.
  const text = folded(query)
  for (const { phrase, group, plain } of byLength) {
    if (plain && !text.includes(phrase)) continue
    if (used.some((u) => u.includes(phrase))) continue
    const re = locate(query, phrase)
    if (!re) continue
    used.push(phrase)
    for (const other of group)
      if (other !== phrase) {
        const text = query.replace(re, other)
        if (!out.has(text)) out.set(text, { text, phrase: other })
      }
    if (out.size >= max) break
  }
  out.delete(query)
  return [...out.values()].slice(0, max)
}

/** How far apart a glossary phrase's two English words may be: "pool (was) exhausted". */
const NEAR = 3
const stopWords = new Set(stopwords.english.map((w) => w.toLowerCase()))

/**
 * The terms of an alternative with its glossary phrase's English words kept together, in their
 * order: the glossary says "allow list" for 白名单, not "allow" and "list" anywhere in a retro,
 * and "time out" for 超时 matched every English retro with "time" and "out" in it. Two words may
 * stand up to `NEAR` apart; a longer phrase with a word like "of" in it ("out of memory") must be
 * as written. A longer phrase of words that say enough alone ("connection pool exhausted") keeps
 * needing each of them anywhere: they are written in more orders. The words the person typed
 * stay as typed (every one required, anywhere: decision 008).
 */
export function phraseTerms(terms: QueryTerm[], phrase: string): QueryTerm[] {
  const words = queryTerms(phrase)
  const stems = words.flatMap((w) => (w.kind === 'word' ? [w.stem] : []))
  if (stems.length < 2 || stems.length < words.length) return terms
  const two = stems.length === 2
  if (!two && !words.some((w) => stopWords.has(w.text.toLowerCase()))) return terms
  for (let i = 0; i + stems.length <= terms.length; i++) {
    const run = terms.slice(i, i + stems.length)
    if (run.every((t, k) => t.kind === 'word' && t.stem === stems[k]))
      return [
        ...terms.slice(0, i),
        { kind: 'phrase', tokens: stems, text: phrase, ...(two && { near: NEAR }) },
        ...terms.slice(i + stems.length),
      ]
  }
  return terms
}
