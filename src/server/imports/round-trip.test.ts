import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PostmortemView } from '../postmortems/get-postmortem'
import {
  actionItemStatuses,
  hypothesisStatuses,
  postmortemDocument,
  resolutionKinds,
  rootCauseCategories,
  severities,
  timelineKinds,
  type PostmortemDocument,
} from '../postmortems/schemas'
import { postmortemToMarkdown } from '../postmortems/to-markdown'
import { parseRetro } from './parse-retro'
import { toDocument, type Person } from './to-document'

const people: Person[] = [
  { id: 'u-ada', name: 'Ada', email: 'ada@example.com' },
  { id: 'u-wang', name: '王小明', email: 'wang@example.com' },
]

// Texts that stress the format: CJK, emoji, Markdown syntax, marker look-alikes, blank lines.
const tricky = fc.constantFrom(
  '索引',
  '主从延迟',
  '😀🔥',
  '# heading',
  '## 问题现象',
  '- item',
  '1. first',
  '| a | b |',
  '`code`',
  '```\nfence\n```',
  '<!-- comment -->',
  '<!-- hindsight:field symptom -->',
  '<!-- /hindsight:field -->',
  '---',
  '> quote',
  '**bold**',
  '\n\n',
  '<script>alert(1)</script>',
  '0.6/s → 80/s',
  'line\nbreak',
  ' ',
  '\\',
  '*',
  '_',
  '[x](y)',
  'ümlaut',
  '"quoted"',
  "it's",
)
const text = (max = 300) =>
  fc
    .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 8 })
    .map((parts) => parts.join('').slice(0, max))
const line = (max = 120) => text(max).map((t) => t.replace(/[\r\n]+/g, ' '))
const uuid = fc.uuid({ version: 4 })
const iso = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString())
const day = iso.map((d) => d.slice(0, 10))

/** The taxonomy both sides know: a factor travels by name and comes back by id. */
const taxonomy = [
  { id: '0196f2a0-0000-7000-8000-000000000001', name: 'Configuration · 配置' },
  { id: '0196f2a0-0000-7000-8000-000000000002', name: 'Capacity' },
  { id: '0196f2a0-0000-7000-8000-000000000003', name: '流程' },
]

const documents = fc
  .record({
    factors: fc.subarray(taxonomy.map((f) => f.id)),
    title: line(150).filter((t) => t.trim().length > 0),
    severity: fc.option(fc.constantFrom(...severities), { nil: null }),
    dates: fc.array(iso, { minLength: 3, maxLength: 3 }).map((d) => d.sort()),
    summary: text(),
    detection: text(),
    symptom: text(),
    impact: text(),
    rootCause: text(),
    rootCauseCategory: fc.option(fc.constantFrom(...rootCauseCategories), { nil: null }),
    resolution: text(),
    resolutionKind: fc.option(fc.constantFrom(...resolutionKinds), { nil: null }),
    verification: text(),
    metric: fc.option(fc.record({ label: line(50), before: line(20), after: line(20) }), { nil: null }),
    tags: fc.array(
      line(20).filter((t) => t.trim().length > 0),
      { maxLength: 4 },
    ),
    hypotheses: fc.array(
      fc.record({
        id: uuid,
        statement: text(200),
        status: fc.constantFrom(...hypothesisStatuses),
        evidence: text(),
      }),
      { maxLength: 5 },
    ),
    timeline: fc.array(
      fc.record({
        id: uuid,
        at: fc.option(iso, { nil: null }),
        kind: fc.constantFrom(...timelineKinds),
        text: text(),
        link: fc.nat(6),
      }),
      { maxLength: 5 },
    ),
    openQuestions: fc.array(fc.record({ id: uuid, text: text(200), answer: text() }), { maxLength: 3 }),
    lessons: fc.array(fc.record({ id: uuid, text: text() }), { maxLength: 3 }),
    actionItems: fc.array(
      fc.record({
        id: uuid,
        title: text(200),
        ownerId: fc.constantFrom(null, 'u-ada', 'u-wang'),
        dueDate: fc.option(day, { nil: null }),
        status: fc.constantFrom(...actionItemStatuses),
        link: fc.option(fc.constantFrom('https://example.com/a', 'https://例子.cn/b?x=1&y=2'), { nil: null }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ dates, timeline, tags, ...rest }): PostmortemDocument =>
    postmortemDocument.parse({
      ...rest,
      launchId: null,
      occurredAt: dates[0],
      detectedAt: dates[1],
      resolvedAt: dates[2],
      tags,
      services: tags.map((t) => `svc ${t}`),
      timeline: timeline.map(({ link, ...entry }) => ({
        ...entry,
        hypothesisId: rest.hypotheses[link]?.id ?? null,
      })),
    }),
  )

/** A document without ids: links become positions, as an import gives new ids. */
function comparable(doc: PostmortemDocument) {
  const index = (id: string | null) => (id ? doc.hypotheses.findIndex((h) => h.id === id) : null)
  const strip = <T extends { id: string }>(items: T[]) => items.map(({ id: _id, ...rest }) => rest)
  return {
    ...doc,
    hypotheses: strip(doc.hypotheses),
    timeline: doc.timeline.map(({ id: _id, hypothesisId, ...rest }) => ({
      ...rest,
      hypothesis: index(hypothesisId),
    })),
    openQuestions: strip(doc.openQuestions),
    lessons: strip(doc.lessons),
    actionItems: strip(doc.actionItems),
  }
}

function view(document: PostmortemDocument): PostmortemView {
  return {
    id: 'pm',
    number: 7,
    status: 'PUBLISHED',
    version: 3,
    createdAt: new Date(),
    updatedAt: new Date(),
    publishedAt: new Date(),
    updatedBy: 'Ada',
    launch: null,
    factors: taxonomy.filter((f) => document.factors.includes(f.id)),
    people: Object.fromEntries(people.map((p) => [p.id, { name: p.name, email: p.email }])),
    document,
    followThrough: { evidenceRequired: false, dueDays: null, items: {} },
    language: null,
  }
}

describe('Markdown export → import round trip', () => {
  it('gives back the same structured postmortem (CJK, emoji, Markdown special characters)', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const markdown = postmortemToMarkdown(view(doc))
        const parsed = parseRetro(markdown)
        expect(parsed.launch).toBeNull()
        expect(parsed.postmortems).toHaveLength(1)
        const back = toDocument(parsed.postmortems[0]!, people, null, taxonomy)
        expect(comparable(back)).toEqual(comparable(doc))
      }),
      { numRuns: 300 },
    )
  })
})
