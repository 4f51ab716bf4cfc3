import type { ParsedPostmortem, ParsedRetro } from '../parsed-retro'

/*
 * Scores what the importer read out of a retro against what a careful reader wrote down
 * (`*.expected.json`, see README.md), field by field, each field from 0 to 1.
 */

type Status = 'CONFIRMED' | 'ELIMINATED' | 'OPEN'
export type ExpectedPostmortem = {
  title: string
  symptom: string[]
  rootCause: string[]
  resolution: string[]
  hypotheses: { statement: string; status: Status }[]
  timeline: number
  lessons: string[]
  actionItems: { title: string; done: boolean; owner: string | null }[]
}
export type Expected = { source: string; language: string; shape?: string; postmortems: ExpectedPostmortem[] }

export const fieldKinds = [
  'incidents',
  'title',
  'symptom',
  'rootCause',
  'resolution',
  'hypotheses',
  'timeline',
  'lessons',
  'actionItems',
] as const
export type FieldKind = (typeof fieldKinds)[number]
export type FieldScore = { field: FieldKind; incident: number; score: number }

/** Lower case, no Markdown emphasis or escapes, one space between words. */
export const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[*_`\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

const contains = (text: string, phrase: string) => normalize(text).includes(normalize(phrase))

/** Counts agree: 1; otherwise the smaller over the larger (none and none agree). */
const ratio = (a: number, b: number) => (a === b ? 1 : Math.min(a, b) / Math.max(a, b))

/**
 * Pairs each expected item with at most one found item (the first that matches), summing the
 * credit each pair earns; the total is divided by the longer list, so both misses and
 * inventions cost.
 */
function matchList<E, F>(
  expected: E[],
  found: F[],
  match: (e: E, f: F) => boolean,
  credit: (e: E, f: F) => number,
) {
  if (!expected.length && !found.length) return 1
  const used = new Set<number>()
  let total = 0
  for (const e of expected) {
    const i = found.findIndex((f, k) => !used.has(k) && match(e, f))
    if (i < 0) continue
    used.add(i)
    total += credit(e, found[i]!)
  }
  return total / Math.max(expected.length, found.length)
}

const sameOwner = (expected: string | null, found: string | null) => {
  const key = (s: string | null) => (s ?? '').replace(/^@/, '').trim().toLowerCase()
  const [a, b] = [key(expected), key(found)]
  return a === b || (!!a && !!b && (a.includes(b) || b.includes(a)))
}

function scorePostmortem(expected: ExpectedPostmortem, pm: ParsedPostmortem, incident: number): FieldScore[] {
  const out: FieldScore[] = []
  const add = (field: FieldKind, score: number) => out.push({ field, incident, score })
  add('title', contains(pm.title, expected.title) ? 1 : 0)
  for (const field of ['symptom', 'rootCause', 'resolution'] as const) {
    const phrases = expected[field]
    if (phrases.length) add(field, phrases.filter((p) => contains(pm[field], p)).length / phrases.length)
  }
  add(
    'hypotheses',
    matchList(
      expected.hypotheses,
      pm.hypotheses,
      (e, f) =>
        contains(f.statement, e.statement) ||
        (normalize(f.statement).length >= 3 && contains(e.statement, f.statement)),
      (e, f) => 0.5 + (e.status === f.status ? 0.5 : 0),
    ),
  )
  add('timeline', ratio(expected.timeline, pm.timeline.length))
  add(
    'lessons',
    matchList(
      expected.lessons,
      pm.lessons,
      (e, f) => contains(f, e),
      () => 1,
    ),
  )
  add(
    'actionItems',
    matchList(
      expected.actionItems,
      pm.actionItems,
      (e, f) => contains(f.title, e.title),
      (e, f) =>
        0.5 + ((f.status === 'DONE') === e.done ? 0.25 : 0) + (sameOwner(e.owner, f.owner) ? 0.25 : 0),
    ),
  )
  return out
}

/** Words two titles share (Chinese characters count one each). */
function titleOverlap(a: string, b: string) {
  const words = (s: string) => new Set(normalize(s).match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) ?? [])
  const wb = words(b)
  return [...words(a)].filter((w) => wb.has(w)).length
}

/** Every field of a retro: incidents by count, then each expected postmortem against the one found for it. */
export function scoreRetro(expected: Expected, retro: ParsedRetro): FieldScore[] {
  const found = retro.postmortems
  const out: FieldScore[] = [
    { field: 'incidents', incident: -1, score: ratio(expected.postmortems.length, found.length) },
  ]
  expected.postmortems.forEach((e, i) => {
    const pm =
      found.length === expected.postmortems.length
        ? found[i]!
        : found.reduce(
            (best, pm) => (titleOverlap(pm.title, e.title) > titleOverlap(best.title, e.title) ? pm : best),
            found[Math.min(i, found.length - 1)]!,
          )
    out.push(...scorePostmortem(e, pm, i))
  })
  return out
}

export type Summary = { overall: number; fields: Record<FieldKind, { accuracy: number; n: number }> }

/** Mean score per field kind, and overall (every field of every document counts once). */
export function summarize(scores: FieldScore[]): Summary {
  const mean = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 1)
  const round = (n: number) => Math.round(n * 1000) / 1000
  const fields = Object.fromEntries(
    fieldKinds.map((field) => {
      const list = scores.filter((s) => s.field === field).map((s) => s.score)
      return [field, { accuracy: round(mean(list)), n: list.length }]
    }),
  ) as Summary['fields']
  return { overall: round(mean(scores.map((s) => s.score))), fields }
}
