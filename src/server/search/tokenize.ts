import { stemmer } from 'stemmer'

/*
 * One tokenizer for documents and queries, in Node, so that Postgres and PGlite index the
 * same way (docs/decisions/008-search.md). Chinese has no spaces: a run of Han characters
 * becomes its overlapping bigrams (索引服务 → 索引 引服 服务), so a two-character word is one
 * token wherever it appears and a longer phrase is a sequence of adjacent bigrams. Latin
 * words are lower-cased and stemmed (indexes → index); numbers stay as they are.
 */

const WORD = /[\p{Script=Han}]+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
const HAN = /^[\p{Script=Han}]+$/u

/**
 * A Chinese phrase (adjacent bigrams), or a Latin word: by default a prefix of stems, `exact` the
 * stem itself. A phrase with `near` (two tokens only) is its second token at most that many
 * positions after its first: a two-word English phrase of the glossary ("pool exhausted" is also
 * "pool was exhausted").
 */
export type QueryTerm =
  | { kind: 'phrase'; tokens: string[]; text: string; near?: number }
  | { kind: 'word'; stem: string; text: string; exact?: boolean }

/** Overlapping bigrams of a Han run (by code point); a one-character run stays a unigram. */
function hanTokens(run: string): string[] {
  const chars = [...run]
  if (chars.length === 1) return [run]
  const out: string[] = []
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!)
  return out
}

/**
 * Tokens of Latin words already seen, as written: stemming is most of the cost of tokenizing a
 * text (snippets read every field of the result page on every search), and a language has far
 * fewer words than an archive has occurrences. Cleared when full, so memory stays bounded.
 */
const latinTokens = new Map<string, string>()
const MAX_CACHED_WORDS = 50_000

/** How Latin text is folded before its words are stemmed. */
export const foldLatin = (text: string) => text.toLowerCase().normalize('NFKC')

function latinToken(word: string): string {
  let token = latinTokens.get(word)
  if (token === undefined) {
    const lower = foldLatin(word)
    token = (/^\p{L}+$/u.test(lower) ? stemmer(lower) : lower).slice(0, 60)
    if (latinTokens.size >= MAX_CACHED_WORDS) latinTokens.clear()
    if (word.length <= 60) latinTokens.set(word, token)
  }
  return token
}

/** A token and where it is in the text ([start, end) in UTF-16 units). */
export type TokenSpan = { token: string; start: number; end: number }

/**
 * The tokens of a text in order, each with the characters it was made of: the same tokens as
 * the index holds (documentTokens), so snippets highlight exactly what the tsquery matched.
 */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = []
  for (const match of text.matchAll(WORD)) {
    const [run] = match
    const at = match.index
    if (HAN.test(run)) {
      // Han characters are single UTF-16 units except the rare supplementary ones: walk code points.
      const chars = [...run]
      const offsets: number[] = []
      let offset = at
      for (const c of chars) {
        offsets.push(offset)
        offset += c.length
      }
      offsets.push(offset)
      if (chars.length === 1) out.push({ token: run, start: at, end: offset })
      else
        for (let i = 0; i < chars.length - 1; i++)
          out.push({ token: chars[i]! + chars[i + 1]!, start: offsets[i]!, end: offsets[i + 2]! })
    } else out.push({ token: latinToken(run), start: at, end: at + run.length })
  }
  return out
}

/** Tokens of a text, in order (positions matter for phrases). */
export function documentTokens(text: string): string[] {
  return tokenSpans(text).map((s) => s.token)
}

/**
 * A query's terms: each Chinese run is a phrase of bigrams, each Latin word a stem. A typed
 * query is read up to 200 characters and 12 terms; longer texts (similar incidents) pass limits.
 */
export function queryTerms(query: string, { maxLength = 200, maxTerms = 12 } = {}): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const [match] of query.slice(0, maxLength).matchAll(WORD)) {
    if (HAN.test(match)) terms.push({ kind: 'phrase', tokens: hanTokens(match), text: match })
    else terms.push({ kind: 'word', stem: latinToken(match), text: match })
    if (terms.length >= maxTerms) break
  }
  return terms
}

const quote = (token: string) => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`

export type TsQueryOptions = {
  /** Only lexemes of these weights ('A': the title; 'AB': also symptom, root cause, lessons…). */
  weights?: string
  /** Latin stems shorter than this match whole tokens only, not as prefixes (log ≠ login). */
  minPrefix?: number
}

/**
 * The tsquery for the terms, all required. A single Han character is a prefix of the
 * bigrams that start with it; Latin words match as prefixes (dead → deadlock).
 */
export function toTsQuery(
  terms: QueryTerm[],
  { weights = '', minPrefix = 0 }: TsQueryOptions = {},
): string | null {
  const lexeme = (token: string, prefix: boolean) =>
    prefix || weights ? `${quote(token)}:${prefix ? '*' : ''}${weights}` : quote(token)
  const parts = terms.map((term) => {
    if (term.kind === 'word') return lexeme(term.stem, !term.exact && term.stem.length >= minPrefix)
    if (term.tokens.length === 1 && [...term.tokens[0]!].length === 1) return lexeme(term.tokens[0]!, true)
    if (term.tokens.length === 1) return lexeme(term.tokens[0]!, false)
    const lexemes = term.tokens.map((t) => lexeme(t, false))
    if (term.near && lexemes.length === 2)
      return `(${Array.from({ length: term.near }, (_, d) => lexemes.join(` <${d + 1}> `)).join(' | ')})`
    return `(${lexemes.join(' <-> ')})`
  })
  return parts.length ? parts.join(' & ') : null
}

/**
 * The top-level alternatives of a tsquery written by `toTsQuery` or joined from several
 * (`('a' <-> 'b') | 'c' & 'd'` → `('a' <-> 'b')`, `'c' & 'd'`); one when it has no top-level OR.
 */
export function tsQueryAlternatives(query: string): string[] {
  const out: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < query.length; i++) {
    const c = query[i]
    // A quote inside a lexeme is doubled ('it''s'): it closes and opens again.
    if (c === "'") quoted = !quoted
    else if (quoted) continue
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      out.push(query.slice(start, i).trim())
      start = i + 1
    }
  }
  out.push(query.slice(start).trim())
  return out.filter(Boolean)
}

/** The words of a tsquery as written by `toTsQuery` ('word', 'word':*, 'word':*AB), each once. */
export function tsQueryWords(query: string): { word: string; prefix: boolean }[] {
  const words = new Map<string, boolean>()
  for (const [, quoted, star] of query.matchAll(/'((?:[^'\\]|''|\\.)*)'(?::(\*)?[A-D]*)?/g)) {
    const word = quoted!.replace(/''/g, "'").replace(/\\(.)/g, '$1')
    words.set(word, (words.get(word) ?? false) || star === '*')
  }
  return [...words].map(([word, prefix]) => ({ word, prefix }))
}

export type Weight = 'A' | 'B' | 'C' | 'D'
const MAX_POSITION = 16_383

/** A tsvector literal from weighted texts; positions run on across texts so phrases stay inside one. */
export function toTsVector(parts: { weight: Weight; text: string }[]): string {
  const lexemes = new Map<string, string[]>()
  let position = 1
  for (const { weight, text } of parts) {
    for (const token of documentTokens(text)) {
      const list = lexemes.get(token) ?? []
      if (list.length < 256) list.push(`${Math.min(position, MAX_POSITION)}${weight}`)
      lexemes.set(token, list)
      position++
    }
    position += 2 // a gap, so that a phrase never spans two fields
  }
  return [...lexemes].map(([token, positions]) => `${quote(token)}:${positions.join(',')}`).join(' ')
}

const LATIN_WORD = /\p{Script=Latin}+/gu

/** Latin words of 4–40 letters, lower-cased and unstemmed, for the typo-correction vocabulary. */
export function vocabularyWords(text: string): string[] {
  const out: string[] = []
  for (const [match] of text.matchAll(LATIN_WORD))
    if (match.length >= 4 && match.length <= 40) out.push(match.toLowerCase().normalize('NFKC'))
  return out
}
