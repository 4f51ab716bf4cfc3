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

export type QueryTerm =
  { kind: 'phrase'; tokens: string[]; text: string } | { kind: 'word'; stem: string; text: string }

function hanTokens(run: string): string[] {
  if (run.length === 1) return [run]
  const out: string[] = []
  for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2))
  return out
}

function latinToken(word: string): string {
  const lower = word.toLowerCase().normalize('NFKC')
  return /^\p{L}+$/u.test(lower) ? stemmer(lower) : lower
}

/** Tokens of a text, in order (positions matter for phrases). */
export function documentTokens(text: string): string[] {
  const out: string[] = []
  for (const [match] of text.matchAll(WORD)) {
    if (HAN.test(match)) out.push(...hanTokens(match))
    else out.push(latinToken(match).slice(0, 60))
  }
  return out
}

/** A query's terms: each Chinese run is a phrase of bigrams, each Latin word a stem. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const [match] of query.slice(0, 200).matchAll(WORD)) {
    if (HAN.test(match)) terms.push({ kind: 'phrase', tokens: hanTokens(match), text: match })
    else terms.push({ kind: 'word', stem: latinToken(match).slice(0, 60), text: match })
  }
  return terms.slice(0, 12)
}

const quote = (token: string) => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`

/**
 * The tsquery for the terms, all required. A single Han character is a prefix of the
 * bigrams that start with it; Latin words match as prefixes (dead → deadlock).
 */
export function toTsQuery(terms: QueryTerm[]): string | null {
  const parts = terms.map((term) => {
    if (term.kind === 'word') return `${quote(term.stem)}:*`
    if (term.tokens.length === 1 && term.tokens[0]!.length === 1) return `${quote(term.tokens[0]!)}:*`
    return term.tokens.length === 1 ? quote(term.tokens[0]!) : `(${term.tokens.map(quote).join(' <-> ')})`
  })
  return parts.length ? parts.join(' & ') : null
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
