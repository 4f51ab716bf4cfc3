import fc from 'fast-check'
import {
  actionItemStatuses,
  hypothesisStatuses,
  postmortemDocument,
  resolutionKinds,
  rootCauseCategories,
  severities,
  timelineKinds,
  type PostmortemDocument,
} from '@/server/postmortems/schemas'

/*
 * Valid postmortem documents for property tests: Chinese, emoji (surrogate pairs), Markdown,
 * blank and empty texts, lists empty or not. Texts are whole graphemes: a string cut inside a
 * surrogate pair is not text a person can type.
 */
const tricky = fc.constantFrom(
  '索引',
  '主从延迟',
  '😀🔥',
  '👩‍💻',
  '## 问题现象',
  '- item',
  '0.6/s → 80/s',
  'line\nbreak',
  ' ',
  'replication lag',
)
const text = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 6 })
  .map((parts) => parts.join(''))
const line = text.map((t) => t.replace(/[\r\n]+/g, ' '))
const uuid = fc.uuid({ version: 4 })
const iso = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString())
const unique = <T extends { id: string }>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.uniqueArray(item, { maxLength, selector: (i) => i.id })

export const arbitraryDocument: fc.Arbitrary<PostmortemDocument> = fc
  .record({
    title: line.filter((t) => t.trim().length > 0 && t.trim().length <= 200),
    severity: fc.option(fc.constantFrom(...severities), { nil: null }),
    dates: fc.array(fc.option(iso, { nil: null }), { minLength: 3, maxLength: 3 }),
    summary: text,
    detection: text,
    symptom: text,
    impact: text,
    rootCause: text,
    rootCauseCategory: fc.option(fc.constantFrom(...rootCauseCategories), { nil: null }),
    resolution: text,
    resolutionKind: fc.option(fc.constantFrom(...resolutionKinds), { nil: null }),
    verification: text,
    metric: fc.option(fc.record({ label: line, before: line, after: line }), { nil: null }),
    tags: fc.uniqueArray(fc.constantFrom('mysql', '上线', 'replication lag', '索引 🔥', 'k8s'), {
      maxLength: 4,
    }),
    hypotheses: unique(
      fc.record({
        id: uuid,
        statement: text,
        status: fc.constantFrom(...hypothesisStatuses),
        evidence: text,
      }),
      5,
    ),
    timeline: unique(
      fc.record({
        id: uuid,
        at: fc.option(iso, { nil: null }),
        kind: fc.constantFrom(...timelineKinds),
        text,
        link: fc.nat(6),
      }),
      5,
    ),
    openQuestions: unique(fc.record({ id: uuid, text, answer: text }), 3),
    lessons: unique(fc.record({ id: uuid, text }), 3),
    actionItems: unique(
      fc.record({
        id: uuid,
        title: text,
        ownerId: fc.constantFrom(null, 'u-ada', 'u-wang'),
        dueDate: fc.option(
          iso.map((d) => d.slice(0, 10)),
          { nil: null },
        ),
        status: fc.constantFrom(...actionItemStatuses),
        link: fc.option(fc.constantFrom('https://example.com/a', 'https://例子.cn/b?x=1'), { nil: null }),
      }),
      3,
    ),
  })
  .map(({ dates, timeline, tags, ...rest }): PostmortemDocument => {
    const [occurredAt, detectedAt, resolvedAt] = [...dates].sort()
    return postmortemDocument.parse({
      ...rest,
      launchId: null,
      occurredAt,
      detectedAt,
      resolvedAt,
      tags,
      services: tags.map((t) => `svc ${t}`),
      timeline: timeline.map(({ link, ...entry }) => ({
        ...entry,
        hypothesisId: rest.hypotheses[link]?.id ?? null,
      })),
    })
  })
