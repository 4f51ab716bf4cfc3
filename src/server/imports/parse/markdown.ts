import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type Options } from 'mdast-util-to-markdown'
import { toString } from 'mdast-util-to-string'
import { parse as parseYaml } from 'yaml'
import { markdownTree } from './markdown-tree'
import { FACT_KEYS, isCueLabel, matchHeading, type HeadingMatch } from './vocabulary'

/*
 * Markdown → a tree of sections. Headings open sections; so does a paragraph that starts with
 * a bold label the vocabulary knows ("**Root cause:** …", "**问题原因**"), because many retros
 * written in blogs and chats use those instead of headings. HTML comments and tags carry no
 * structure: comments are dropped, other HTML is kept as text (rendering sanitizes it).
 */

export type Section = {
  heading: string
  depth: number
  /** What the heading names, when the vocabulary knows it. */
  match: HeadingMatch | null
  content: RootContent[]
  children: Section[]
}

/**
 * Bare links and e-mail addresses (`www.…`, `http://…`, `a@b.c` written without Markdown's link
 * syntax) need an "@", "http" or "www" in the source, or a "\\" or an "&" that could become one:
 * a text without any is not searched for them.
 */
const MAY_HOLD_BARE_LINK = /[@&\\]|http|www/i

const options: Options = { extensions: [gfmToMarkdown()], bullet: '-' }
/**
 * Each node's (or list of nodes') text, once: the recognisers ask for the same text many times,
 * and serialising is the costly part of an import.
 */
const written = new WeakMap<object, string>()

/** The text each node parseMarkdown made was read from (its positions are offsets into it). */
const readFrom = new WeakMap<object, string>()

function remember(node: Root | RootContent, source: string) {
  readFrom.set(node, source)
  if ('children' in node) for (const child of node.children) remember(child, source)
}

const PHRASING = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break'])

/**
 * Paragraphs (or a run of inline nodes, a table cell's) as the author wrote them: their source.
 * Only where that is what serialising would give, give or take an escape or which of `*` and `_`
 * marks emphasis: one line, or lines that neither indent nor quote (a list item's or a quote's
 * continuation is written differently in place). Anything else: null, and the text is serialised.
 */
function asWritten(nodes: RootContent[]): string | null {
  const source = readFrom.get(nodes[0]!)
  const slice = (from: RootContent, to: RootContent) => {
    const start = from.position?.start.offset
    const end = to.position?.end.offset
    if (
      start === undefined ||
      end === undefined ||
      readFrom.get(from) !== source ||
      readFrom.get(to) !== source
    )
      return null
    const text = source!.slice(start, end)
    return /\n[ \t>]|\\|&/.test(text) ? null : text.trim()
  }
  if (!source) return null
  if (nodes.every((n) => PHRASING.has(n.type))) return slice(nodes[0]!, nodes.at(-1)!)
  if (!nodes.every((n) => n.type === 'paragraph')) return null
  const texts = nodes.map((n) => slice(n, n))
  return texts.every((t) => t !== null) ? texts.join('\n\n') : null
}

/** Markdown text of nodes. */
export function markdown(nodes: RootContent[]): string {
  if (!nodes.length) return ''
  const key = nodes.length === 1 ? nodes[0]! : nodes
  const known = written.get(key)
  if (known !== undefined) return known
  const text = asWritten(nodes) ?? toMarkdown({ type: 'root', children: nodes } as Root, options).trim()
  written.set(key, text)
  return text
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

/** Comments before the front matter (`<!-- source: … -->` on line 1) would hide it from the parser. */
const leadingComments = (source: string) =>
  source.replace(/^(?:\s*<!--[\s\S]*?-->)+\s*(?=---\r?\n|\+\+\+\r?\n)/, '')

/**
 * "---⏎⏎title: …⏎date: …⏎⏎---": front matter a Markdown formatter spread out (blank lines inside
 * the fences), which the parser then reads as a rule and a paragraph. When every line between
 * the fences reads as YAML (keys, list items, indented values), the blank lines go and it is front
 * matter again; lines a formatter re-indented so that the block no longer parses are kept only
 * as plain "key: value" pairs.
 */
function spreadFrontMatter(source: string): string {
  const m = /^---\r?\n(?:[ \t]*\r?\n)+([\s\S]{1,3000}?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source)
  if (!m) return source
  const lines = m[1]!.split(/\r?\n/).filter((l) => l.trim())
  const yamlish = (l: string) => /^[\p{L}_][\p{L}\d_-]*:(?:\s|$)/u.test(l) || /^\s*-\s|^\s+\S/.test(l)
  if (!lines.length || !/^[\p{L}_]/u.test(lines[0]!) || !lines.every(yamlish)) return source
  let block = lines.join('\n')
  try {
    parseYaml(block)
  } catch {
    block = lines.filter((l) => /^[\p{L}_][\p{L}\d_-]*:\s*\S/u.test(l)).join('\n')
  }
  return `---\n${block}\n---\n${source.slice(m[0].length)}`
}

/** Blog generators' template tags are markup: `{% raw %}` goes, `{{< track "2019-11-14T16:05Z" >}}` leaves its quoted text. */
const templateTags = (source: string) =>
  source.replace(/\{\{[<%]([\s\S]{0,300}?)[%>]\}\}|\{%[^%\n]{0,200}%\}/g, (_, inner?: string) =>
    [...(inner ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(' '),
  )

/**
 * "###一、现象", "####6.1 测试方法", "##What happened?": headings written without the space
 * CommonMark requires, as older blog engines accepted them. Outside code fences, hashes followed
 * by a Chinese character, an emphasised word or a section number, or two hashes and more before
 * a word, get their space; "#10 was fixed" or "#hashtag" stay text.
 */
function spacedHeadings(source: string): string {
  let fence: string | null = null
  return source
    .split('\n')
    .map((line) => {
      const mark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
      if (mark && (!fence || mark.startsWith(fence))) fence = fence ? null : mark.slice(0, 3)
      if (fence || mark) return line
      return line
        .replace(
          /^(#{1,6})(?=\p{Script=Han}|[*_]+[\p{Script=Han}\p{L}\d]|\d+(?:\.\d+)+\s|\d+[.、]\s*\S)|^(#{2,6})(?=\p{L})/u,
          '$1$2 ',
        )
        .replace(COMPACT_STAMP, compactStamp)
    })
    .join('\n')
}

/** "### 20251021 162404 (UTC+8)": a heading's compact date and time, written as a reader reads it. */
const COMPACT_STAMP = /^(#{1,6}\s+)(\d{4})(\d{2})(\d{2})[ T_-]?(\d{2})(\d{2})(\d{2})?(?!\d)/
function compactStamp(
  whole: string,
  hashes: string,
  y: string,
  mo: string,
  d: string,
  h: string,
  mi: string,
  sec?: string,
) {
  const valid = +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= 31 && +h < 24 && +mi < 60 && (!sec || +sec < 60)
  return valid ? `${hashes}${y}-${mo}-${d} ${h}:${mi}${sec ? `:${sec}` : ''}` : whole
}

export function parseMarkdown(source: string): Root {
  // A file saved with a byte-order mark: the mark is not text (it would hide the first heading).
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const text = boundNesting(spacedHeadings(templateTags(spreadFrontMatter(leadingComments(lines)))))
  const root = markdownTree(text, MAY_HOLD_BARE_LINK.test(text))
  remember(root, text)
  return root
}

/** HTML comments carry no content (`<!-- source: … -->` is never a title or a paragraph); other raw HTML stays as text. */
function withoutComments(node: RootContent): RootContent[] {
  if (node.type !== 'html') return [node]
  const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim()
  return value ? [{ ...node, value }] : []
}

const LABEL_END = /^\s*[:：]\s*/

/** "Root cause: the config…", "影响：…": a plain label the vocabulary names exactly, then a colon. */
function plainLabel(
  node: PhrasingContent | undefined,
): { label: string; match: HeadingMatch; rest: string } | null {
  if (node?.type !== 'text') return null
  const m = /^([^:：\n]{2,30})[:：][ \t]*([\s\S]*)$/.exec(node.value)
  if (!m) return null
  const match = matchHeading(m[1]!)
  return match?.sure ? { label: m[1]!.trim(), match, rest: m[2]!.trimStart() } : null
}

/** "**恢复时间**：11:02", "**Affected services:** …", "**Severity:** P1": a fact about the incident, not a part of it. */
const isFactLabel = (label: string) =>
  isCueLabel(label, 'metaLabel') || FACT_KEYS.some(([, cue]) => isCueLabel(label, cue))

/**
 * "**Root cause:** the config…" or "**问题原因**" alone: a bold label the vocabulary knows, at
 * the start of a paragraph. Returns the label and the paragraph's rest (if any).
 */
function labelled(node: RootContent): { label: string; match: HeadingMatch; rest: Paragraph | null } | null {
  if (node.type !== 'paragraph') return null
  const [first, ...others] = node.children
  const plain = plainLabel(first)
  if (plain && isFactLabel(plain.label)) return null
  if (plain) {
    const rest = plain.rest ? [{ type: 'text' as const, value: plain.rest }, ...others] : others
    return {
      label: plain.label,
      match: plain.match,
      rest: rest.length ? { type: 'paragraph', children: rest } : null,
    }
  }
  if (!first || first.type !== 'strong') return null
  const label = toString(first).trim()
  if (!label || label.length > 40 || isFactLabel(label)) return null
  const match = matchHeading(label)
  // "**Problem 1:**", "**问题二**": items numbered inside the section they sit in, not a section.
  if (!match || /(?:\s#?\d{1,2}|[一二三四五六七八九十])[:：]?$/u.test(label)) return null
  const rest = (others[0]?.type === 'break' ? others.slice(1) : [...others]) as PhrasingContent[]
  const head = rest[0]
  if (head?.type === 'text') {
    const value = head.value.replace(LABEL_END, '').trimStart()
    if (value.trim()) rest[0] = { ...head, value }
    else rest.shift()
  }
  // Bold labels that end in a colon inside the bold ("**Root cause:**") or after it; a bold
  // phrase in running text ("**Impact** was small") is not a label.
  const next = others[0]?.type === 'text' ? others[0].value : others[0]?.type === 'break' ? '\n' : ''
  // "**What went well**⏎Finality alert…": a label alone on its line.
  const colon = /[:：]$/.test(label) || LABEL_END.test(next) || /^[ \t]*\n/.test(next)
  const alone = !rest.some((n) => (n.type === 'text' ? n.value.trim() : true))
  if (!colon && !alone) return null
  return {
    label: label.replace(/[:：]$/, ''),
    match,
    rest: alone ? null : { type: 'paragraph', children: rest },
  }
}

/**
 * "**Date**: 7 Sept\n**Root Causes**: …\n**Resolution**: …" in one paragraph (hard line breaks):
 * one paragraph per labelled line, so each label can open its section.
 */
function splitLabelledLines(node: RootContent): RootContent[] {
  if (node.type !== 'paragraph') return [node]
  const lines: PhrasingContent[][] = [[]]
  for (const child of node.children) {
    if (child.type === 'break' || (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value))) {
      lines.push([])
      continue
    }
    if (child.type === 'text' && child.value.includes('\n')) {
      const [first, ...more] = child.value.split('\n')
      if (first) lines.at(-1)!.push({ ...child, value: first })
      for (const part of more) lines.push(part ? [{ ...child, value: part }] : [])
      continue
    }
    lines.at(-1)!.push(child)
  }
  const filled = lines.filter((l) => l.some((n) => (n.type === 'text' ? n.value.trim() : true)))
  const startsLabel = (l: PhrasingContent[]) => l[0]?.type === 'strong' || plainLabel(l[0]) !== null
  const labelled = filled.filter(startsLabel).length
  if (filled.length < 2 || labelled < 2) return [node]
  // Lines that do not start with a label continue the one above them.
  const out: PhrasingContent[][] = []
  for (const line of filled)
    if (startsLabel(line) || !out.length) out.push(line)
    else out.at(-1)!.push({ type: 'text', value: '\n' }, ...line)
  return out.map((children) => ({ type: 'paragraph', children }))
}

/**
 * "- **Impact**: …⏎- **Resolution**: …": a list whose items open with the labels of a retro's
 * parts, as runbook logs and templates write them. Each labelled item becomes a labelled
 * paragraph (and what is nested under it); the other items stay list items.
 */
function unpackLabelledList(node: RootContent): RootContent[] {
  if (node.type !== 'list') return [node]
  const items = (node as List).children
  const opens = (item: ListItem) => {
    const first = item.children[0]
    return first?.type === 'paragraph' && labelled(first) !== null
  }
  // "- **Status**: Resolved …⏎- **Resolution**: …": a fact's label counts towards the shape.
  const fact = (item: ListItem) => {
    const first = item.children[0]
    const label =
      first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? toString(first.children[0]) : ''
    return isFactLabel(label.trim().replace(/[:：]$/, ''))
  }
  const parts = items.filter(opens).length
  if (parts < 1 || parts + items.filter(fact).length < 2) return [node]
  return items.flatMap((item): RootContent[] =>
    opens(item) ? (item.children as RootContent[]) : [{ ...(node as List), children: [item] }],
  )
}

/**
 * "# Postmortem: database outage" above "## Summary", "## Lessons": the one top-level heading,
 * first of all and above the others, names the document, not one of its parts.
 */
function titleHeading(root: Root): RootContent | null {
  const headings = root.children.filter((n): n is Heading => n.type === 'heading' && !!toString(n).trim())
  const first = headings[0]
  if (!first || first.depth !== 1 || headings.length < 2) return null
  return headings.slice(1).every((h) => h.depth > 1) ? first : null
}

/** Sections by heading depth; bold labels open a section one level below the current one. */
export function buildTree(root: Root): Section {
  const top: Section = { heading: '', depth: 0, match: null, content: [], children: [] }
  const stack = [top]
  const open = (heading: string, depth: number, match: HeadingMatch | null) => {
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop()
    const section: Section = { heading, depth, match, content: [], children: [] }
    stack.at(-1)!.children.push(section)
    stack.push(section)
    return section
  }
  /** Depth of the heading above the bold labels: they sit one level below it. */
  let headingDepth = 0
  const title = titleHeading(root)
  for (const raw of root.children) {
    if (raw.type === 'yaml' || (raw.type as string) === 'toml') continue
    if (raw.type === 'heading' && toString(raw).trim()) {
      const heading = toString(raw).trim()
      headingDepth = raw.depth
      open(heading, raw.depth, raw === title ? null : matchHeading(heading))
      continue
    }
    if (raw.type === 'heading') continue // "##" with nothing after it
    for (const node of unpackLabelledList(raw).flatMap(splitLabelledLines)) {
      const label = labelled(node)
      if (label) {
        const section = open(label.label, headingDepth + 0.5, label.match)
        if (label.rest) section.content.push(label.rest)
      } else stack.at(-1)!.content.push(...withoutComments(node))
    }
  }
  return top
}

export type Block = { text: string; ordinal: number | null; node: RootContent; item?: ListItem }

/** The blocks of a section as separate texts: list items one by one, paragraphs one by one. */
export function blocks(nodes: RootContent[]): Block[] {
  const out: Block[] = []
  for (const node of nodes) {
    if (node.type === 'list')
      (node as List).children.forEach((item: ListItem, i) =>
        out.push({
          text: markdown(item.children as RootContent[]),
          ordinal: node.ordered ? (node.start ?? 1) + i : null,
          node,
          item,
        }),
      )
    else if (node.type !== 'html' && node.type !== 'thematicBreak') {
      const text = markdown([node])
      if (text) out.push({ text, ordinal: null, node })
    }
  }
  return out
}

/** "Here is what we learned:": a short line that introduces what follows, not an item itself. */
/**
 * "Action items:", "修复步骤如下：": a line that only introduces what follows. A paragraph that
 * ends with a colon after saying something ("走了一些弯路。……给我们上了一课：") is not one.
 */
export const isLeadIn = (text: string) =>
  /[:：]\s*$/.test(text.trim()) && text.length < 200 && !/[。！？]|[.!?]\s+\S/u.test(text.trim().slice(0, -1))

export const join = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b)
