import type { List, ListItem, Root, RootContent, Table } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { toString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'
import { isHindsightExport, parseHindsight } from './parse-hindsight'
import {
  emptyPostmortem,
  type HypothesisStatus,
  type ParsedActionItem,
  type ParsedPostmortem,
  type ParsedRetro,
  type TimelineKind,
} from './parsed-retro'
import { hasCue, overlap, sentences, toNumber } from './text'
import vocabulary from './vocabulary.json'

/*
 * Markdown retro → structured postmortems, by rules only (no network, no model). Headings at
 * any depth are matched against vocabulary.json; numbered "possible causes" become
 * hypotheses, and later sentences that refer to them ("针对可能原因1", "3排除", "ruled out")
 * set their verdict and evidence. Whatever cannot be placed is kept in `unmapped`.
 */

export type Field = keyof typeof vocabulary.sections
export type { ParsedPostmortem, ParsedRetro } from './parsed-retro'
type Section = { heading: string; depth: number; content: RootContent[]; children: Section[] }

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

function markdown(nodes: RootContent[]): string {
  if (!nodes.length) return ''
  return toMarkdown({ type: 'root', children: nodes } as Root, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
  }).trim()
}

const normalize = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/^[\s\d.、)）(（一二三四五六七八九十#*-]+/, '')
    .replace(/[\s:：.。?？!！]+$/, '')
    .trim()

const phrases = Object.entries(vocabulary.sections).flatMap(([field, list]) =>
  list.map((phrase) => ({ field: field as Field, phrase: phrase.toLowerCase() })),
)

/** The part of a postmortem a heading names, or null. */
export function classifyHeading(heading: string): Field | null {
  const text = normalize(heading)
  if (!text) return null
  const exact = phrases.find((p) => p.phrase === text)
  if (exact) return exact.field
  // "Root cause: config drift", "Timeline (UTC)": a known phrase followed by punctuation.
  const prefixed = phrases
    .filter((p) => text.startsWith(p.phrase) && /^[\s:：(（-]/.test(text.slice(p.phrase.length)))
    .sort((a, b) => b.phrase.length - a.phrase.length)[0]
  return prefixed?.field ?? null
}

function buildTree(root: Root): Section {
  const top: Section = { heading: '', depth: 0, content: [], children: [] }
  const stack = [top]
  for (const node of root.children) {
    if (node.type === 'yaml') continue
    if (node.type === 'heading') {
      while (stack.length > 1 && stack.at(-1)!.depth >= node.depth) stack.pop()
      const section: Section = {
        heading: toString(node).trim(),
        depth: node.depth,
        content: [],
        children: [],
      }
      stack.at(-1)!.children.push(section)
      stack.push(section)
    } else stack.at(-1)!.content.push(node)
  }
  return top
}

/** Sections with their own non-vocabulary heading whose children use the vocabulary: one incident each. */
function findIncidents(section: Section): Section[] {
  const below = section.children.flatMap(findIncidents)
  if (below.length) return below
  const own =
    section.depth > 0 &&
    !classifyHeading(section.heading) &&
    section.children.some((c) => classifyHeading(c.heading))
  return own ? [section] : []
}

/** The blocks of a section as separate texts: list items one by one, paragraphs one by one. */
function blocks(nodes: RootContent[]): { text: string; ordinal: number | null }[] {
  const out: { text: string; ordinal: number | null }[] = []
  for (const node of nodes) {
    if (node.type === 'list')
      (node as List).children.forEach((item: ListItem, i) =>
        out.push({
          text: markdown(item.children as RootContent[]),
          ordinal: node.ordered ? (node.start ?? 1) + i : null,
        }),
      )
    else if (node.type !== 'html' && node.type !== 'thematicBreak') {
      const text = markdown([node])
      if (text) out.push({ text, ordinal: null })
    }
  }
  return out
}

const join = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b)

/** Reads one incident's sections into a postmortem. */
class IncidentReader {
  readonly pm: ParsedPostmortem
  /** 1-based number in the latest "possible causes" list → index in pm.hypotheses. */
  private numbering = new Map<number, number>()
  /** The hypothesis the latest first-look suspicion created (attempts and results test it). */
  private tested: number | null = null

  constructor(title: string) {
    this.pm = emptyPostmortem(title)
  }

  read(section: Section) {
    for (const child of section.children) this.section(child)
    const intro = markdown(section.content)
    if (intro) this.pm.summary = join(intro, this.pm.summary)
    this.finish()
    return this.pm
  }

  private section(section: Section) {
    const field = classifyHeading(section.heading)
    const text = markdown(section.content)
    const parts = blocks(section.content)
    switch (field) {
      case 'summary':
      case 'symptom':
      case 'detection':
      case 'impact':
        this.pm[field] = join(this.pm[field], text)
        break
      case 'rootCause':
        this.pm.rootCause = join(this.pm.rootCause, text)
        break
      case 'investigation':
        this.investigate(parts)
        break
      case 'firstLook':
        for (const { text: item } of parts) this.firstLook(item)
        break
      case 'hypotheses':
        this.possibleCauses(parts)
        break
      case 'attempt':
        if (text) this.pm.timeline.push({ kind: 'ATTEMPT', text, hypothesis: this.tested })
        break
      case 'result':
        if (text) this.result(text)
        break
      case 'timeline':
        for (const { text: item } of parts)
          this.pm.timeline.push({ kind: timelineKind(item), text: item, hypothesis: null })
        break
      case 'resolution':
        if (text) this.resolution(text)
        break
      case 'verification':
        this.pm.verification = join(this.pm.verification, text)
        break
      case 'openQuestions':
        this.pm.openQuestions.push(...parts.map((p) => ({ text: p.text, answer: '' })))
        break
      case 'lessons':
        this.pm.lessons.push(...parts.map((p) => p.text))
        break
      case 'actionItems':
        this.actionItems(section.content)
        break
      default:
        if (text) this.pm.unmapped.push({ heading: section.heading, text })
    }
    for (const child of section.children) this.section(child)
  }

  private addHypothesis(statement: string, evidence = '', status: HypothesisStatus = 'OPEN') {
    this.pm.hypotheses.push({ statement, evidence, status })
    return this.pm.hypotheses.length - 1
  }

  private note(index: number, evidence: string, cueText = evidence) {
    const h = this.pm.hypotheses[index]
    if (!h) return
    if (!h.evidence.includes(evidence)) h.evidence = join(h.evidence, evidence)
    const verdict = verdictOf(cueText)
    if (verdict) h.status = verdict
  }

  /** "初次排查": observations, and the first suspicion (which the first attempt then tests). */
  private firstLook(item: string) {
    if (hasCue(item, 'suspect')) this.tested = this.addHypothesis(item)
    else this.pm.timeline.push({ kind: 'OBSERVATION', text: item, hypothesis: null })
  }

  /** "可能原因": a numbered list; "cause：why not" items carry their own verdict. */
  private possibleCauses(parts: { text: string; ordinal: number | null }[]) {
    this.numbering = new Map()
    parts.forEach(({ text, ordinal }, i) => {
      const split = /^(.{1,80}?)(?:[：:]|[？?](?=\S))\s*([\s\S]+)$/.exec(text)
      const statement = (split?.[1] ?? text).trim()
      const evidence = split?.[2]?.trim() ?? ''
      const status: HypothesisStatus = !evidence
        ? 'OPEN'
        : hasCue(evidence, 'eliminated')
          ? 'ELIMINATED'
          : hasCue(evidence, 'confirmed') || hasCue(evidence, 'found')
            ? 'CONFIRMED'
            : hasCue(evidence, 'negation')
              ? 'ELIMINATED'
              : 'OPEN'
      this.numbering.set(ordinal ?? i + 1, this.addHypothesis(statement, evidence, status))
    })
  }

  private result(text: string) {
    this.pm.timeline.push({ kind: 'RESULT', text, hypothesis: this.tested })
    if (this.tested === null) return
    const attempt = this.pm.timeline.findLast((e) => e.kind === 'ATTEMPT' && e.hypothesis === this.tested)
    this.note(this.tested, join(attempt?.text ?? '', text), text)
  }

  /** Explicit references: "针对可能原因1", "针对问题2，3，4", "针对3和4", "hypothesis 2", "3排除". */
  private references(text: string): number[] {
    const found = new Set<number>()
    const listed =
      /(?:针对|对于|关于)\s*(?:可能原因|原因|问题)?\s*([0-9０-９一二三四五六七八九十](?:\s*[，,、和与及]\s*[0-9０-９一二三四五六七八九十])*)/g
    for (const m of text.matchAll(listed))
      for (const token of m[1]!.split(/\s*[，,、和与及]\s*/)) {
        const n = toNumber(token)
        if (n) found.add(n)
      }
    for (const m of text.matchAll(/(?:可能原因|hypothesis|cause)\s*#?\s*([0-9]{1,2})/gi))
      found.add(Number(m[1]))
    for (const m of text.matchAll(
      /(?:^|[，,。；;\s于是])([0-9])(?:\s*[和,，、]\s*([0-9]))?\s*(?:已)?排除/g,
    )) {
      found.add(Number(m[1]))
      if (m[2]) found.add(Number(m[2]))
    }
    return [...found].flatMap((n) => (this.numbering.has(n) ? [this.numbering.get(n)!] : []))
  }

  /** Paragraphs of an investigation: evidence for the hypotheses they refer to, new suspicions, findings. */
  private investigate(parts: { text: string; ordinal: number | null }[], fromResolution = false) {
    let sawReference = false
    for (const { text, ordinal } of parts) {
      const refs = this.references(text)
      if (refs.length) {
        sawReference = true
        for (const index of refs) this.note(index, text, this.cueScope(text))
      } else if (
        !fromResolution &&
        !sawReference &&
        ordinal &&
        this.numbering.has(ordinal) &&
        verdictOf(text)
      ) {
        // "1. …，排除" under a numbered list of causes: item n answers cause n.
        this.note(this.numbering.get(ordinal)!, text)
      } else if (hasCue(text, 'confirmed') || (hasCue(text, 'found') && !fromResolution)) {
        const best = this.bestMatch(text)
        if (best !== null && hasCue(text, 'confirmed')) this.note(best, text)
        else if (!fromResolution) this.pm.timeline.push({ kind: 'OBSERVATION', text, hypothesis: best })
      } else if (!fromResolution) this.pm.timeline.push({ kind: timelineKind(text), text, hypothesis: null })
      this.suspicions(text)
      if (fromResolution || refs.length) this.confirmations(text)
    }
  }

  /** In "针对3和4，…于是怀疑是否是主从延迟的问题" the verdict words after a new suspicion are not about 3 and 4. */
  private cueScope(text: string) {
    const cut = text.search(/于是怀疑|怀疑是否|suspected/)
    return cut > 0 ? text.slice(0, cut) : text
  }

  /** "怀疑是否是主从延迟的问题" → a new hypothesis "主从延迟", unless one like it exists. */
  private suspicions(text: string) {
    for (const sentence of sentences(text)) {
      const m =
        /(?:怀疑是否是|怀疑是|怀疑|判断是|suspected|suspect)\s*([^，,。；;？?]{2,40}?)(?:的问题|问题)?(?:[，,。；;？?]|$)/i.exec(
          sentence,
        )
      if (!m) continue
      const subject = m[1]!.trim()
      if (this.pm.hypotheses.some((h) => overlap(h.statement, subject) >= Math.max(2, subject.length - 1)))
        continue
      this.addHypothesis(subject, sentence)
    }
  }

  /** "确定就是主从延迟导致的" → the hypothesis that best matches "主从延迟" is confirmed. */
  private confirmations(text: string) {
    for (const sentence of sentences(text)) {
      const m =
        /(?:确定就是|确认是|确定是|确认为|turned out to be|was caused by)\s*([^，,。；;]{2,60}?)(?:导致|引起|造成|[，,。；;]|$)/i.exec(
          sentence,
        )
      if (!m) continue
      const best = this.bestMatch(m[1]!, true)
      if (best !== null) this.note(best, text, m[0])
    }
  }

  /** The hypothesis sharing most words with the text (not already eliminated), if any share at least two. */
  private bestMatch(text: string, includeEliminated = false): number | null {
    let best: number | null = null
    let score = 1
    this.pm.hypotheses.forEach((h, i) => {
      if (!includeEliminated && h.status === 'ELIMINATED') return
      const s = overlap(h.statement, text)
      if (s > score) [best, score] = [i, s]
    })
    return best
  }

  private resolution(text: string) {
    this.pm.resolution = join(this.pm.resolution, text)
    if (hasCue(text, 'temporary')) this.pm.resolutionKind = 'TEMPORARY'
    else this.pm.resolutionKind ??= 'PERMANENT'
    // "暂时关停108机器，待找到具体问题点之后再重新启用": the deferred part is a follow-up.
    if (this.pm.resolutionKind === 'TEMPORARY')
      for (const paragraph of text.split(/\n{2,}/))
        if (/(?:待|之后再|以后再|until|once we|after we)/i.test(paragraph))
          this.pm.actionItems.push({
            title: paragraph.trim().replace(/[。.]$/, ''),
            owner: null,
            due: null,
            status: 'OPEN',
          })
    this.investigate(blocks(processor.parse(text).children), true)
  }

  private actionItems(content: RootContent[]) {
    for (const node of content) {
      if (node.type === 'table') this.pm.actionItems.push(...tableActions(node as Table))
      else if (node.type === 'list')
        for (const item of (node as List).children) {
          const text = markdown(item.children as RootContent[])
          this.pm.actionItems.push(actionFromText(text, item.checked === true))
        }
      else {
        const text = markdown([node])
        if (text) this.pm.unmapped.push({ heading: 'Action items', text })
      }
    }
  }

  private finish() {
    const pm = this.pm
    if (!pm.rootCause) {
      const confirmed = pm.hypotheses.filter((h) => h.status === 'CONFIRMED')
      pm.rootCause = confirmed
        .map((h) => (h.evidence ? `${h.statement}：${h.evidence.split('\n\n')[0]}` : h.statement))
        .join('\n\n')
    }
    pm.metric = findMetric(pm)
  }
}

function verdictOf(text: string): HypothesisStatus | null {
  if (hasCue(text, 'eliminated')) return 'ELIMINATED'
  if (hasCue(text, 'confirmed')) return 'CONFIRMED'
  return null
}

function timelineKind(text: string): TimelineKind {
  const t = text.toLowerCase()
  if (/决定|decided|decision/.test(t)) return 'DECISION'
  if (
    /尝试|重启|回滚|改为|暂停|关停|扩容|tried|attempt|restart|roll(ed)? back|failover|paused|stopped|scaled|disabled/.test(
      t,
    )
  )
    return 'ATTEMPT'
  if (/结果|恢复|result|recovered|resolved|back to normal/.test(t)) return 'RESULT'
  return 'OBSERVATION'
}

const UNIT = String.raw`(?:\/s|\/min|qps|rps|ms|s|秒|分钟|%|条\/秒)`
const NUMBER = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*(${UNIT})`, 'gi')

/** "0.6/s → 80/s": after from the verification, before from the same unit earlier in the retro. */
function findMetric(pm: ParsedPostmortem): ParsedPostmortem['metric'] {
  const arrow = new RegExp(
    String.raw`(\d+(?:\.\d+)?\s*${UNIT})\s*(?:→|->|=>|到|to)\s*(\d+(?:\.\d+)?\s*${UNIT})`,
    'i',
  ).exec(pm.verification)
  if (arrow)
    return {
      label: labelBefore(pm.verification, arrow.index),
      before: arrow[1]!.replace(/\s+/g, ''),
      after: arrow[2]!.replace(/\s+/g, ''),
    }
  const after = new RegExp(
    String.raw`(?:增至|增加到|提升到|提升至|提高到|升至|降至|降到|减少到|减少至|rose to|increased to|dropped to|went to|fell to)\s*(\d+(?:\.\d+)?)\s*(${UNIT})`,
    'i',
  ).exec(pm.verification)
  if (!after) return null
  const unit = after[2]!.toLowerCase()
  const earlier = [
    pm.symptom,
    ...pm.timeline.map((e) => e.text),
    ...pm.hypotheses.map((h) => h.evidence),
  ].join('\n')
  const before = [...earlier.matchAll(NUMBER)].filter((m) => m[2]!.toLowerCase() === unit).at(-1)
  if (!before) return null
  return {
    label: labelBefore(earlier, before.index!),
    before: `${before[1]}${before[2]}`,
    after: `${after[1]}${after[2]}`,
  }
}

/** "mq上报速度为0.6/s" → "mq上报速度"; "Search p95 dropped from 2.4 s" → "Search p95". */
function labelBefore(text: string, index: number): string {
  const head = text
    .slice(Math.max(0, index - 30), index)
    .replace(
      /(?:\s*(?:为|是|了|:|：|=|was|of|at|from|dropped|rose|fell|went|increased|decreased|瞬间|从))+\s*$/i,
      '',
    )
  return (
    /((?:[A-Za-z0-9]+\s+){0,2}[A-Za-z0-9]+|[\p{Script=Han}A-Za-z0-9]{1,12})\s*$/u.exec(head)?.[1]?.trim() ??
    ''
  )
}

function tableActions(table: Table): ParsedActionItem[] {
  const [header, ...rows] = table.children
  if (!header) return []
  const names = header.children.map((cell) => toString(cell).toLowerCase())
  const column = (re: RegExp) => names.findIndex((n) => re.test(n))
  const title = Math.max(0, column(/action|item|task|what|行动|事项|内容|措施/))
  const owner = column(/owner|assignee|who|负责人|责任人/)
  const due = column(/due|deadline|when|date|截止|日期|时间/)
  const status = column(/status|state|状态/)
  const cell = (row: (typeof rows)[number], i: number) =>
    i >= 0 ? toString(row.children[i] ?? { type: 'text', value: '' }).trim() : ''
  return rows
    .map((row) => ({
      title: cell(row, title),
      owner: cell(row, owner) || null,
      due: /\d{4}-\d{2}-\d{2}/.exec(cell(row, due))?.[0] ?? null,
      status: /done|closed|complete|完成|已完成/i.test(cell(row, status))
        ? ('DONE' as const)
        : ('OPEN' as const),
    }))
    .filter((a) => a.title)
}

/** "Add an alert on 10000 errors (@ada, due 2026-12-01)" → title, owner, due. */
function actionFromText(text: string, checked: boolean): ParsedActionItem {
  const owner = /(?:@([\w.-]+)|(?:owner|负责人)\s*[:：]\s*([^,，;；)）]+))/i.exec(text)
  const due = /\d{4}-\d{2}-\d{2}/.exec(text)
  const title = text
    .replace(/\s*[(（][^)）]*(?:@|owner|负责人|due|截止)[^)）]*[)）]\s*$/i, '')
    .replace(/^\[[ xX]\]\s*/, '')
    .trim()
  return {
    title: title || text,
    owner: (owner?.[1] ?? owner?.[2])?.trim() ?? null,
    due: due?.[0] ?? null,
    status: checked ? 'DONE' : 'OPEN',
  }
}

/**
 * Markdown's parser slows down sharply with nesting depth (2,000 list items 100 levels deep
 * take seconds). No retro nests lists or quotes deeper than a few levels, so deeper ones are
 * flattened to 16 levels before parsing: a hostile upload cannot tie up the server.
 */
function boundNesting(source: string): string {
  return source
    .replace(/^([ \t]{33,})(?=[-*+]\s|\d{1,9}[.)]\s)/gm, ' '.repeat(32))
    .replace(/^(\s*>){9,}/gm, '>>>>>>>>')
}

/** Parses a Markdown retro: one document with several incidents becomes one launch with several postmortems. */
export function parseRetro(source: string): ParsedRetro {
  const root = processor.parse(boundNesting(source))
  const front =
    root.children[0]?.type === 'yaml' ? safeYaml((root.children[0] as { value: string }).value) : {}
  if (isHindsightExport(front, source)) return parseHindsight(front, source)
  const tree = buildTree(root)
  const h1 = tree.children.find((s) => s.depth === 1)?.heading ?? ''
  const incidents = findIncidents(tree)
  const frontTitle = typeof front.title === 'string' ? front.title : ''
  if (incidents.length > 1)
    return {
      launch: {
        name:
          (typeof front.launch === 'string' ? front.launch : '') || h1 || frontTitle || incidents[0]!.heading,
      },
      postmortems: incidents.map((s) => new IncidentReader(s.heading).read(s)),
    }
  const only = incidents[0]
  const title = frontTitle || only?.heading || h1 || firstLine(source)
  // A single incident: the whole document is it (sections may sit beside or under the title).
  const reader = new IncidentReader(title)
  const pm = reader.read(only ?? tree)
  return {
    launch: typeof front.launch === 'string' && front.launch ? { name: front.launch } : null,
    postmortems: [pm],
  }
}

function safeYaml(text: string): Record<string, unknown> {
  try {
    const value = parseYaml(text) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function firstLine(source: string) {
  return (
    source
      .split('\n')
      .map((l) => l.replace(/^[#\s>*-]+/, '').trim())
      .find(Boolean)
      ?.slice(0, 200) ?? 'Untitled'
  )
}
