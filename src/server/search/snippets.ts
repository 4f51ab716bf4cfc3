import type { SearchablePostmortem } from './searchable-postmortem'
import { foldLatin, tokenSpans, type QueryTerm, type TokenSpan } from './tokenize'

export type SnippetField =
  | 'title'
  | 'symptom'
  | 'detection'
  | 'impact'
  | 'summary'
  | 'hypothesis'
  | 'timeline'
  | 'rootCause'
  | 'resolution'
  | 'verification'
  | 'openQuestion'
  | 'lesson'
  | 'actionItem'
  | 'tag'
  | 'service'

/** What snippets read of a postmortem (a PostmortemDocument has it all): every text the index holds. */
export type SnippetSource = Omit<SearchablePostmortem, 'openQuestions' | 'tags' | 'services'> & {
  openQuestions: { text: string; answer?: string | null }[]
  tags?: string[]
  services?: string[]
}

/** A piece of text that matched, with the ranges to highlight ([start, end) in `text`). */
export type Snippet = { field: SnippetField; status?: string; text: string; highlights: [number, number][] }

type Range = [number, number]
/** Where one query term (by its index in the terms) occurs in a text. */
type Match = { term: number; start: number; end: number; whole?: boolean }

/** A token of Chinese text (a bigram or a single character), not a Latin stem. */
const HAN_TOKEN = /^[\p{Script=Han}]+$/u

const isSingleHan = (term: QueryTerm) =>
  term.kind === 'phrase' && term.tokens.length === 1 && [...term.tokens[0]!].length === 1

/**
 * Whether a text may hold one of the terms: it holds each bigram of a Chinese phrase as written
 * (its tokens, even when punctuation parts them), and a Latin word as the start of its stem but
 * the last letter, in lower case (the stemmer changes no more than a word's end: happy → happi,
 * relational → relat). Most fields of a result page hold no term, and tokenizing them is most of
 * what snippets cost.
 */
function mayHold(text: string, terms: QueryTerm[]): boolean {
  let folded: string | undefined
  // As a word is folded and stemmed (NFKC may give back capitals: 𝕏 → X).
  const holdsStem = (stem: string) =>
    (folded ??= foldLatin(text).toLowerCase()).includes(stem.slice(0, Math.max(1, stem.length - 1)))
  return terms.some((term) =>
    term.kind === 'phrase'
      ? // A Chinese phrase's bigrams, or the stems of a glossary phrase's English words.
        term.tokens.every((token) => (HAN_TOKEN.test(token) ? text.includes(token) : holdsStem(token)))
      : holdsStem(term.stem),
  )
}

/**
 * Where each term occurs in a text, by the same tokens and the same rules as the tsquery
 * (tokenize.ts → toTsQuery): a Chinese phrase is a run of adjacent bigrams, a single Chinese
 * character the start of a token, a Latin word the prefix of a token's stem. So a word that
 * matched through its stem ("deploy" → deploi, "keys" → kei) is found as written.
 */
export function termMatches(text: string, terms: QueryTerm[]): Match[] {
  if (!mayHold(text, terms)) return []
  const spans = tokenSpans(text)
  const found: Match[] = []
  terms.forEach((term, index) => {
    if (term.kind === 'word') {
      for (const s of spans)
        if (term.exact ? s.token === term.stem : s.token.startsWith(term.stem))
          found.push({ term: index, start: s.start, end: s.end, whole: s.token === term.stem })
      return
    }
    if (isSingleHan(term)) {
      const char = term.tokens[0]!
      for (const s of spans)
        if (s.token.startsWith(char)) found.push({ term: index, start: s.start, end: s.start + char.length })
      return
    }
    const n = term.tokens.length
    if (term.near && n === 2) {
      const [first, second] = term.tokens
      for (let i = 0; i < spans.length; i++) {
        if (spans[i]!.token !== first) continue
        const j = spans.slice(i + 1, i + 1 + term.near).findIndex((s) => s.token === second)
        if (j >= 0)
          found.push({ term: index, start: spans[i]!.start, end: spans[i + 1 + j]!.end, whole: true })
      }
      return
    }
    for (let i = 0; i + n <= spans.length; i++)
      if (term.tokens.every((t, k) => spans[i + k]!.token === t))
        found.push({ term: index, start: spans[i]!.start, end: spans[i + n - 1]!.end, whole: true })
  })
  return found.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Sorted ranges with overlaps merged (a phrase and a word inside it are one highlight). */
function merge(ranges: Range[]): Range[] {
  const out: Range[] = []
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0] || y[1] - x[1])) {
    const last = out.at(-1)
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

/** Characters shown before the first highlight, and the length of a snippet. */
const LEAD = 30
const SPAN = 180
/** A sentence ends at 。！？；!?; a line end, or a full stop before a space (not in 0.6/s). */
const endsSentence = (text: string, i: number) =>
  /[。！？；!?;\n]/.test(text[i]!) || (text[i] === '.' && /\s/.test(text[i + 1] ?? ''))

/**
 * The part of a text worth showing: the window of SPAN characters that holds the most distinct
 * terms (earliest on a tie), starting at a sentence start when one is close before the first
 * of them, with its highlights shifted into it.
 */
export function excerpt(text: string, matches: Match[]): { text: string; highlights: Range[] } {
  // Each match may open the window; the best holds the most distinct terms, then the most found
  // as typed, then the tightest (the span from its first match to the last new term), then the earliest.
  let anchor = 0
  let best = [-1, -1, -Infinity]
  matches.forEach((m, i) => {
    const seen = new Set<number>()
    const whole = new Set<number>()
    let reach = 0
    for (const x of matches.slice(i)) {
      if (x.end > m.start + SPAN - LEAD) break
      if (x.whole) whole.add(x.term)
      if (!seen.has(x.term)) [reach] = [x.end - m.start, seen.add(x.term)]
    }
    const score = [seen.size, whole.size, seen.size > 1 ? -reach : 0]
    const better = score.findIndex((v, k) => v !== best[k]!)
    if (better >= 0 && score[better]! > best[better]!) [anchor, best] = [i, score]
  })
  const first = matches[anchor]?.start ?? 0
  let start = Math.max(0, first - LEAD)
  // Begin at the sentence the match is in, when it starts within the lead.
  for (let i = first - 1; i >= start; i--)
    if (endsSentence(text, i)) {
      start = i + 1
      break
    }
  // Never cut a word (or a surrogate pair) in two at the start.
  const inWord = (i: number) => /[\p{Script=Latin}\p{N}\uDC00-\uDFFF]/u.test(text[i] ?? '')
  if (start > 0 && inWord(start - 1)) while (start < first && inWord(start)) start++
  while (start < first && /\s/.test(text[start]!)) start++
  const end = Math.min(text.length, Math.max(start + SPAN, matches[anchor]?.end ?? 0))
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  return {
    text: `${prefix}${text.slice(start, end).replace(/\n/g, ' ')}${suffix}`,
    highlights: merge(
      matches
        .filter((m) => m.start >= start && m.end <= end)
        .map((m) => [m.start - start + prefix.length, m.end - start + prefix.length] as Range),
    ),
  }
}

/** Fields that a scoped search looks in (postmortems/search-postmortems.ts → searchScopes). */
const inScope = {
  hypotheses: (field: SnippetField) => field === 'hypothesis',
  confirmed: (field: SnippetField, status?: string) =>
    field === 'rootCause' || (field === 'hypothesis' && status === 'CONFIRMED'),
}
export type SnippetScope = keyof typeof inScope

type Candidate = { field: SnippetField; status?: string; text: string }

/** Every text of a postmortem that the search index holds (index-postmortem.ts → searchParts), in display order. */
function fieldsOf(doc: SnippetSource): Candidate[] {
  const all: Candidate[] = [
    { field: 'title', text: doc.title },
    { field: 'symptom', text: doc.symptom },
    { field: 'rootCause', text: doc.rootCause },
    ...doc.hypotheses.map((h) => ({
      field: 'hypothesis' as const,
      status: h.status,
      text: [h.statement, h.evidence].filter(Boolean).join(' — '),
    })),
    ...doc.lessons.map((l) => ({ field: 'lesson' as const, text: l.text })),
    { field: 'resolution', text: doc.resolution },
    { field: 'verification', text: doc.verification },
    ...doc.timeline.map((e) => ({ field: 'timeline' as const, status: e.kind, text: e.text })),
    { field: 'detection', text: doc.detection },
    { field: 'impact', text: doc.impact },
    { field: 'summary', text: doc.summary },
    ...doc.openQuestions.map((q) => ({
      field: 'openQuestion' as const,
      text: [q.text, q.answer].filter(Boolean).join(' — '),
    })),
    ...doc.actionItems.map((a) => ({ field: 'actionItem' as const, text: a.title })),
    { field: 'tag', text: (doc.tags ?? []).join(', ') },
    { field: 'service', text: (doc.services ?? []).join(', ') },
  ]
  return (
    all
      // One space between words, line ends kept (they end sentences); the same length either way.
      .map((c) => ({
        ...c,
        text: (c.text ?? '')
          .trim()
          .replace(/\s*\n\s*/g, '\n')
          .replace(/[^\S\n]+/g, ' '),
      }))
      .filter((c) => c.text)
  )
}

const snippet = (c: Candidate, part: { text: string; highlights: Range[] }): Snippet => ({
  field: c.field,
  ...(c.status ? { status: c.status } : {}),
  ...part,
})

const keyOf = (t: QueryTerm) =>
  t.kind === 'word'
    ? `w ${t.stem}${t.exact ? ' =' : ''}`
    : `p ${t.tokens.join(' ')}${t.near ? ` ~${t.near}` : ''}`

/**
 * Why a postmortem matched. `forms` are the forms the query was searched in (as typed, corrected,
 * in the other language: each form's terms are all required), so every snippet reads the terms
 * that matched. The fields that hold the largest share of one form's terms come first (then the
 * most terms, then the order of the page), at most `max`; with a scope, only the fields it
 * searches. The title is shown above every result, so it is a snippet only when it holds a term
 * no other snippet shows. When no field holds a whole term, the sentence that shares the most
 * tokens with the terms stands in, its shared characters highlighted. Empty only when no text of
 * the postmortem shares a single token with the query.
 */
export function snippetsFor(
  doc: SnippetSource,
  forms: QueryTerm[][],
  { max = 3, scope }: { max?: number; scope?: SnippetScope } = {},
): Snippet[] {
  // The same term in several forms (uid in "uid 索引" and "uid index") is one term.
  const terms: QueryTerm[] = []
  const ids = new Map<string, number>()
  const formIds = forms
    .map((form) => [
      ...new Set(
        form.map((t) => {
          if (!ids.has(keyOf(t))) ids.set(keyOf(t), terms.push(t) - 1)
          return ids.get(keyOf(t))!
        }),
      ),
    ])
    .filter((form) => form.length)
  const fields = fieldsOf(doc).filter((c) => !scope || inScope[scope](c.field, c.status))
  const scored = fields
    .map((c, order) => {
      const matches = termMatches(c.text, terms)
      const found = new Set(matches.map((m) => m.term))
      // Terms found as typed (replication), not only as the start of a longer word (replicas).
      const whole = new Set(matches.filter((m) => m.whole).map((m) => m.term)).size
      const share = Math.max(
        0,
        ...formIds.map((form) => form.filter((t) => found.has(t)).length / form.length),
      )
      return { c, order, matches, found, whole, share }
    })
    .filter((x) => x.matches.length)
  const body = scored
    .filter((x) => x.c.field !== 'title')
    .sort(
      (a, b) => b.share - a.share || b.found.size - a.found.size || b.whole - a.whole || a.order - b.order,
    )
    .slice(0, max)
  const title = scored.find((x) => x.c.field === 'title')
  const shown = new Set(body.flatMap((x) => [...x.found]))
  const chosen =
    title && [...title.found].some((t) => !shown.has(t))
      ? [...body.slice(0, Math.max(0, max - 1)), title]
      : body
  if (chosen.length) return chosen.map((x) => snippet(x.c, excerpt(x.c.text, x.matches)))
  const fallback = bestSentence(fields, terms)
  return fallback ? [fallback] : []
}

/** The sentences of a text, with their offsets (split after 。！？；!?; and at line ends). */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let start = 0
  for (const m of text.matchAll(/[。！？；!?;]+|\.(?=\s|$)|\n/g)) {
    const end = m.index + m[0].length
    if (text.slice(start, end).trim()) out.push({ start, end })
    start = end
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length })
  return out
}

/**
 * The sentence of any field that shares the most distinct tokens with the terms (a bigram of a
 * Chinese phrase, a stem), its shared characters highlighted: the reason a result matched when
 * no field holds a whole term (a stale index, a phrase split by the tokenizer).
 */
function bestSentence(fields: Candidate[], terms: QueryTerm[]): Snippet | null {
  const wanted = (s: TokenSpan) =>
    terms.some((t) =>
      t.kind === 'word'
        ? t.exact
          ? s.token === t.stem
          : s.token.startsWith(t.stem)
        : isSingleHan(t)
          ? s.token.startsWith(t.tokens[0]!)
          : t.tokens.includes(s.token),
    )
  let best: { c: Candidate; text: string; highlights: Range[]; score: number } | null = null
  for (const c of fields)
    for (const { start, end } of sentencesOf(c.text)) {
      const text = c.text.slice(start, end).trim().replace(/\n/g, ' ')
      const shared = tokenSpans(text).filter(wanted)
      const score = new Set(shared.map((s) => s.token)).size
      if (score > (best?.score ?? 0))
        best = { c, text, highlights: merge(shared.map((s) => [s.start, s.end] as Range)), score }
    }
  if (!best) return null
  const { c, text, highlights } = best
  if (text.length <= SPAN) return snippet(c, { text, highlights })
  return snippet(
    c,
    excerpt(
      text,
      highlights.map(([a, b]) => ({ term: a, start: a, end: b })),
    ),
  )
}
