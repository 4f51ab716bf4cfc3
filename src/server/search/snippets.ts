import type { PostmortemDocument } from '../postmortems/schemas'
import type { QueryTerm } from './tokenize'

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

/** What snippets read of a postmortem (a PostmortemDocument has it all). */
export type SnippetSource = Pick<
  PostmortemDocument,
  'title' | 'symptom' | 'rootCause' | 'resolution' | 'verification' | 'detection' | 'impact' | 'summary'
> & {
  hypotheses: Pick<PostmortemDocument['hypotheses'][number], 'statement' | 'status' | 'evidence'>[]
  lessons: { text: string }[]
  timeline: Pick<PostmortemDocument['timeline'][number], 'kind' | 'text'>[]
  openQuestions: { text: string }[]
  actionItems: { title: string }[]
}

/** A piece of text that matched, with the ranges to highlight ([start, end) in `text`). */
export type Snippet = { field: SnippetField; status?: string; text: string; highlights: [number, number][] }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Where each term occurs in a text: Chinese as typed, Latin words by their stem as a word prefix. */
function matches(text: string, terms: QueryTerm[]): [number, number][] {
  const found: [number, number][] = []
  for (const term of terms) {
    const re =
      term.kind === 'phrase'
        ? new RegExp(escape(term.text), 'g')
        : new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${escape(term.stem)}[\\p{Script=Latin}\\p{N}]*`, 'giu')
    for (const m of text.matchAll(re)) if (m[0]) found.push([m.index, m.index + m[0].length])
  }
  return found.sort((a, b) => a[0] - b[0])
}

const WINDOW = 60

/** A short window of the text around its first match, with highlights shifted into it. */
function excerpt(text: string, ranges: [number, number][]): { text: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ')
  const shifted = ranges
  const first = shifted[0]?.[0] ?? 0
  const start = Math.max(0, first - WINDOW)
  const end = Math.min(flat.length, first + WINDOW * 2)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < flat.length ? '…' : ''
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: shifted
      .filter(([a, b]) => a >= start && b <= end)
      .map(([a, b]) => [a - start + prefix.length, b - start + prefix.length] as [number, number]),
  }
}

/** Fields that a scoped search looks in (search-postmortems.ts → searchScopes). */
const inScope = {
  hypotheses: (field: SnippetField) => field === 'hypothesis',
  confirmed: (field: SnippetField, status?: string) =>
    field === 'rootCause' || (field === 'hypothesis' && status === 'CONFIRMED'),
}

/**
 * The fields of a postmortem that match the query, best first (most distinct terms), at most
 * `max`; with a scope, only the fields it searches.
 */
export function snippetsFor(
  doc: SnippetSource,
  terms: QueryTerm[],
  { max = 3, scope }: { max?: number; scope?: keyof typeof inScope } = {},
): Snippet[] {
  const candidates: { field: SnippetField; status?: string; text: string }[] = [
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
    ...doc.openQuestions.map((q) => ({ field: 'openQuestion' as const, text: q.text })),
    ...doc.actionItems.map((a) => ({ field: 'actionItem' as const, text: a.title })),
  ]
  return candidates
    .map((c, order) => {
      const flat = c.text.replace(/\s+/g, ' ')
      const ranges = matches(flat, terms)
      const distinct = new Set(ranges.map(([a, b]) => flat.slice(a, b).toLowerCase())).size
      return { c, order, flat, ranges, distinct }
    })
    .filter((x) => x.ranges.length && x.c.field !== 'title')
    .filter((x) => !scope || inScope[scope](x.c.field, x.c.status))
    .sort((a, b) => b.distinct - a.distinct || a.order - b.order)
    .slice(0, max)
    .map(({ c, flat, ranges }) => ({
      field: c.field,
      ...(c.status ? { status: c.status } : {}),
      ...excerpt(flat, ranges),
    }))
}
