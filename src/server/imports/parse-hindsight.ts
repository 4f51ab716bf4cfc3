import { actionItemStatuses, hypothesisStatuses, timelineKinds } from '../postmortems/schemas'
import { unescapeMarkers } from '../postmortems/to-markdown'
import { emptyPostmortem, textFields, type ParsedPostmortem, type ParsedRetro } from './parsed-retro'

/*
 * Reads Hindsight's own Markdown export (docs/decisions/005-markdown-export.md) exactly:
 * scalars from the front matter (or a postmortem marker in a launch export), texts between
 * field markers, item attributes from the JSON in item markers.
 */

type Meta = Record<string, unknown>
const MARKER =
  /<!-- hindsight:(field|hypothesis|timeline|question|lesson|action|postmortem) ?([^\n]*?) -->\n?|<!-- \/hindsight:field -->/g

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const strOrNull = (v: unknown) =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' && v ? v : null
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

function json(text: string): Meta {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' ? (value as Meta) : {}
  } catch {
    return {}
  }
}

function blank(meta: Meta): ParsedPostmortem {
  const metric = meta.metric && typeof meta.metric === 'object' ? (meta.metric as Meta) : null
  const oneOf = <T extends string>(v: unknown, values: readonly T[]) =>
    values.includes(v as T) ? (v as T) : null
  return {
    ...emptyPostmortem(str(meta.title) || 'Untitled'),
    resolutionKind: oneOf(meta.resolutionKind, ['TEMPORARY', 'PERMANENT'] as const),
    metric: metric
      ? { label: str(metric.label), before: str(metric.before), after: str(metric.after) }
      : null,
    severity: oneOf(meta.severity, ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const),
    occurredAt: strOrNull(meta.occurredAt),
    detectedAt: strOrNull(meta.detectedAt),
    resolvedAt: strOrNull(meta.resolvedAt),
    rootCauseCategory: strOrNull(meta.rootCauseCategory),
    tags: list(meta.tags),
    services: list(meta.services),
    factors: list(meta.factors),
  }
}

/** One postmortem's body: the text from its first marker to the next postmortem marker. */
function readBody(pm: ParsedPostmortem, body: string) {
  let item: { kind: string; attrs: Meta; index: number } | null = null
  let open: { name: string; from: number } | null = null
  const hypothesisIds: string[] = []
  const timelineRefs: (string | null)[] = []
  for (const m of body.matchAll(MARKER)) {
    if (m[0].startsWith('<!-- /')) {
      if (!open) continue
      const text = unescapeMarkers(body.slice(open.from, m.index).replace(/\n$/, ''))
      assign(open.name, text)
      open = null
      continue
    }
    if (open) continue // a marker inside a field's text would have been escaped; ignore stray ones
    const [, kind, rest = ''] = m
    if (kind === 'field') {
      open = { name: rest.trim(), from: m.index + m[0].length }
      continue
    }
    const attrs = json(rest)
    if (kind === 'hypothesis') {
      hypothesisIds.push(str(attrs.id))
      pm.hypotheses.push({
        statement: '',
        evidence: '',
        status: hypothesisStatuses.find((s) => s === attrs.status) ?? 'OPEN',
      })
      item = { kind, attrs, index: pm.hypotheses.length - 1 }
    } else if (kind === 'timeline') {
      pm.timeline.push({
        kind: timelineKinds.find((k) => k === attrs.kind) ?? 'OBSERVATION',
        text: '',
        hypothesis: null,
        at: strOrNull(attrs.at),
      })
      timelineRefs.push(strOrNull(attrs.hypothesisId))
      item = { kind, attrs, index: pm.timeline.length - 1 }
    } else if (kind === 'question') {
      pm.openQuestions.push({ text: '', answer: '' })
      item = { kind, attrs, index: pm.openQuestions.length - 1 }
    } else if (kind === 'lesson') {
      pm.lessons.push('')
      item = { kind, attrs, index: pm.lessons.length - 1 }
    } else if (kind === 'action') {
      pm.actionItems.push({
        title: '',
        owner: strOrNull(attrs.owner),
        due: strOrNull(attrs.due),
        status: actionItemStatuses.find((s) => s === attrs.status) ?? 'OPEN',
        link: strOrNull(attrs.link),
      })
      item = { kind, attrs, index: pm.actionItems.length - 1 }
    }
  }
  pm.timeline.forEach((entry, i) => {
    const ref = timelineRefs[i]
    entry.hypothesis = ref ? (hypothesisIds.indexOf(ref) >= 0 ? hypothesisIds.indexOf(ref) : null) : null
  })

  function assign(name: string, text: string) {
    if ((textFields as readonly string[]).includes(name)) {
      pm[name as (typeof textFields)[number]] = text
      item = null
      return
    }
    if (!item) return
    if (item.kind === 'hypothesis' && (name === 'statement' || name === 'evidence'))
      pm.hypotheses[item.index]![name] = text
    else if (item.kind === 'timeline' && name === 'text') pm.timeline[item.index]!.text = text
    else if (item.kind === 'question' && (name === 'text' || name === 'answer'))
      pm.openQuestions[item.index]![name] = text
    else if (item.kind === 'lesson' && name === 'text') pm.lessons[item.index] = text
    else if (item.kind === 'action' && name === 'title') pm.actionItems[item.index]!.title = text
  }
}

/** True when the document is a Hindsight export. */
export function isHindsightExport(front: Meta, source: string) {
  return typeof front.hindsight === 'number' || source.includes('<!-- hindsight:postmortem ')
}

export function parseHindsight(front: Meta, source: string): ParsedRetro {
  const body = source.replace(/^---\n[\s\S]*?\n---\n?/, '')
  const launchMeta = front.launch && typeof front.launch === 'object' ? (front.launch as Meta) : null
  const chunks = body.split(/(?=<!-- hindsight:postmortem )/)
  if (chunks.length === 1) {
    const pm = blank(front)
    readBody(pm, body)
    return {
      launch: launchMeta && str(launchMeta.name) && !front.title ? { name: str(launchMeta.name) } : null,
      postmortems: [pm],
    }
  }
  const postmortems = chunks.slice(1).map((chunk) => {
    const meta = json(/^<!-- hindsight:postmortem (.*?) -->/.exec(chunk)?.[1] ?? '{}')
    const pm = blank(meta)
    readBody(pm, chunk.replace(/^<!-- hindsight:postmortem .*? -->\n?/, ''))
    return pm
  })
  return { launch: { name: str(launchMeta?.name) || 'Imported launch' }, postmortems }
}
