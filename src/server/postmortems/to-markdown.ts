import { stringify } from 'yaml'
import type { PostmortemView } from './get-postmortem'
import { formatNumber } from './schemas'

/*
 * Markdown export that keeps every field, so that the importer can read it back exactly.
 * Human-readable headings, with each field's text between HTML comment markers (invisible
 * when rendered) so that a heading inside a text cannot be mistaken for a section, and the
 * structured bits (ids, statuses, owners, dates) as JSON in a marker before each item.
 * Format described in docs/decisions/005-markdown-export.md.
 */

export const MARKDOWN_FORMAT_VERSION = 1

/** JSON that is safe inside an HTML comment. */
const attrs = (value: unknown) =>
  JSON.stringify(value).replaceAll('-->', '--\\u003e').replaceAll('<!--', '\\u003c!--')

/** Marker-like text inside a field is escaped, so that it cannot end the field early. */
export const escapeMarkers = (text: string) => text.replace(/<!--(\s*)(\\*)(\/?hindsight:)/g, '<!--$1\\$2$3')
export const unescapeMarkers = (text: string) =>
  text.replace(/<!--(\s*)\\(\\*)(\/?hindsight:)/g, '<!--$1$2$3')

function field(name: string, text: string) {
  return `<!-- hindsight:field ${name} -->\n${escapeMarkers(text)}\n<!-- /hindsight:field -->`
}

const hypothesisLabel = { OPEN: 'Open', ELIMINATED: 'Eliminated', CONFIRMED: 'Confirmed' } as const
const kindLabel = {
  OBSERVATION: 'Observation',
  ATTEMPT: 'Attempt',
  RESULT: 'Result',
  DECISION: 'Decision',
} as const

export function postmortemToMarkdown(view: PostmortemView, { depth = 1 }: { depth?: number } = {}): string {
  const h = (level: number, text: string) => `${'#'.repeat(Math.min(6, depth + level - 1))} ${text}`
  const doc = view.document
  const meta = {
    hindsight: MARKDOWN_FORMAT_VERSION,
    number: formatNumber(view.number),
    title: doc.title,
    status: view.status,
    severity: doc.severity,
    launch: view.launch ? { name: view.launch.name, slug: view.launch.slug } : null,
    occurredAt: doc.occurredAt,
    detectedAt: doc.detectedAt,
    resolvedAt: doc.resolvedAt,
    rootCauseCategory: doc.rootCauseCategory,
    resolutionKind: doc.resolutionKind,
    metric: doc.metric,
    tags: doc.tags,
    services: doc.services,
    factors: view.factors.map((f) => f.name),
  }
  const out: string[] = []
  if (depth === 1) out.push(`---\n${stringify(meta).trimEnd()}\n---`)
  else out.push(`<!-- hindsight:postmortem ${attrs(meta)} -->`)
  out.push(h(1, `${formatNumber(view.number)} · ${escapeMarkers(doc.title.replace(/\s+/g, ' '))}`))

  const section = (title: string, name: keyof typeof doc) => {
    const value = doc[name]
    if (typeof value === 'string' && value) out.push(h(2, title), field(name, value))
  }
  section('Summary', 'summary')
  section('Symptom', 'symptom')
  section('Detection', 'detection')
  section('Impact', 'impact')

  if (doc.hypotheses.length) {
    out.push(h(2, 'Hypotheses'))
    doc.hypotheses.forEach((hyp, i) => {
      out.push(
        h(3, `Hypothesis ${i + 1} · ${hypothesisLabel[hyp.status]}`),
        `<!-- hindsight:hypothesis ${attrs({ id: hyp.id, status: hyp.status })} -->`,
        field('statement', hyp.statement),
      )
      if (hyp.evidence) out.push(field('evidence', hyp.evidence))
    })
  }
  if (doc.timeline.length) {
    out.push(h(2, 'Timeline'))
    for (const entry of doc.timeline) {
      const tested = doc.hypotheses.findIndex((hyp) => hyp.id === entry.hypothesisId)
      const label = [kindLabel[entry.kind], entry.at, tested >= 0 ? `tests hypothesis ${tested + 1}` : null]
      out.push(
        h(3, label.filter(Boolean).join(' · ')),
        `<!-- hindsight:timeline ${attrs({ id: entry.id, kind: entry.kind, at: entry.at, hypothesisId: entry.hypothesisId })} -->`,
        field('text', entry.text),
      )
    }
  }
  section('Root cause', 'rootCause')
  section('Resolution', 'resolution')
  section('Verification', 'verification')
  if (doc.metric)
    out.push(
      escapeMarkers(
        `**Metric:** ${[doc.metric.label, `${doc.metric.before} → ${doc.metric.after}`].filter(Boolean).join(': ')}`,
      ),
    )

  const items = <T extends { id: string }>(
    title: string,
    list: T[],
    render: (item: T, i: number) => string[],
  ) => {
    if (!list.length) return
    out.push(h(2, title))
    list.forEach((item, i) => out.push(...render(item, i)))
  }
  items('Open questions', doc.openQuestions, (q, i) => [
    h(3, `Question ${i + 1}`),
    `<!-- hindsight:question ${attrs({ id: q.id })} -->`,
    field('text', q.text),
    ...(q.answer ? [field('answer', q.answer)] : []),
  ])
  items('Lessons', doc.lessons, (lesson, i) => [
    h(3, `Lesson ${i + 1}`),
    `<!-- hindsight:lesson ${attrs({ id: lesson.id })} -->`,
    field('text', lesson.text),
  ])
  items('Action items', doc.actionItems, (item, i) => {
    const owner = item.ownerId ? view.people[item.ownerId] : undefined
    const facts = [
      `Owner: ${owner ? (owner.email ? `${owner.name} <${owner.email}>` : owner.name) : '—'}`,
      `Due: ${item.dueDate ?? '—'}`,
      `Status: ${item.status}`,
      ...(item.link ? [`Link: ${item.link}`] : []),
    ]
    return [
      h(3, `Action ${i + 1}`),
      `<!-- hindsight:action ${attrs({ id: item.id, status: item.status, owner: owner?.email ?? null, due: item.dueDate, link: item.link })} -->`,
      field('title', item.title),
      facts.map((f) => `- ${escapeMarkers(f)}`).join('\n'),
    ]
  })
  return `${out.join('\n\n')}\n`
}

/** A whole launch: its facts, then each postmortem one heading level down. */
export function launchToMarkdown(
  launch: {
    name: string
    slug: string
    status: string
    description: string
    plannedAt: Date | null
    launchedAt: Date | null
  },
  postmortems: PostmortemView[],
): string {
  const meta = {
    hindsight: MARKDOWN_FORMAT_VERSION,
    launch: {
      name: launch.name,
      slug: launch.slug,
      status: launch.status,
      plannedAt: launch.plannedAt?.toISOString().slice(0, 10) ?? null,
      launchedAt: launch.launchedAt?.toISOString().slice(0, 10) ?? null,
    },
  }
  const parts = [
    `---\n${stringify(meta).trimEnd()}\n---`,
    `# ${escapeMarkers(launch.name.replace(/\s+/g, ' '))}`,
  ]
  if (launch.description) parts.push(field('description', launch.description))
  for (const view of postmortems) parts.push(postmortemToMarkdown(view, { depth: 2 }).trimEnd())
  return `${parts.join('\n\n')}\n`
}
