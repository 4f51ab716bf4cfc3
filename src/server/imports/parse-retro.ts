import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { isHindsightExport, parseHindsight } from './parse-hindsight'
import type { ParsedPostmortem, ParsedRetro } from './parsed-retro'
import { dueAfter } from './parse/action-items'
import { facts, readFrontMatter } from './parse/front-matter'
import { findIncidents } from './parse/incidents'
import { labelledFacts } from './parse/labelled-facts'
import { IncidentReader } from './parse/incident-reader'
import { buildTree, parseMarkdown, type Section } from './parse/markdown'
import { documentOffset, findDate, type TimeContext } from './parse/timestamps'
import { alternation } from './parse/vocabulary'
import { isMetaLine } from './text'

/*
 * Markdown retro → structured postmortems, by rules only (no network, no model). Each
 * recogniser is a module of ./parse: front matter, the section tree (headings and bold labels
 * matched against vocabulary.json), incidents, timelines, action items, root-cause sentences.
 * Whatever cannot be placed is kept in `unmapped`, with a proposed field.
 */

export type { Field } from './parse/vocabulary'
export { classifyHeading } from './parse/vocabulary'
export type { ParsedPostmortem, ParsedRetro } from './parsed-retro'

/** The first sentence of the document's prose: a title for a document without a title heading. */
function firstSentence(tree: Section): string {
  const paragraphs = (section: Section): string[] => [
    ...section.content.filter((n) => n.type === 'paragraph').map((n) => toString(n)),
    ...section.children.flatMap(paragraphs),
  ]
  for (const paragraph of paragraphs(tree))
    for (const raw of paragraph.split(/\n|<br\s*\/?>/i)) {
      const line = raw.replace(/<[^>]+>/g, '').trim()
      if (!line || isMetaLine(line)) continue
      // "Description: flutter.dev was offline …": the text after a short label.
      const text = line.replace(/^[\p{L}][\p{L} _-]{0,20}[:：]\s+/u, '')
      // Chinese sentences end at 。！？ with no space after; English ones at .!? before a space.
      const sentence = /^(.{8,}?)(?:[。！？]|[.!?](?=\s|$))/u.exec(text)?.[1] ?? text
      return sentence.slice(0, 200)
    }
  return 'Untitled'
}

/** "| **Event** | Elan_20210305: … |" or "Title: …" at the top: what the document says it is called. */
function labelledTitle(root: Root): string {
  for (const node of root.children) {
    if (node.type === 'heading') break
    if (node.type === 'table')
      for (const row of node.children) {
        const [key, value] = row.children.map((c) => toString(c).trim())
        if (key && value && new RegExp(`^(?:${alternation('titleKey')})$`, 'iu').test(key)) return value
      }
    if (node.type === 'paragraph')
      for (const line of toString(node).split('\n')) {
        const m = new RegExp(`^(?:${alternation('titleKey')})\\s*[:：]\\s*(.{3,200})$`, 'iu').exec(
          line.trim(),
        )
        if (m) return m[1]!.trim()
      }
  }
  return ''
}

/** "一、支付回调丢失", "2. Slow search", "（三）图片加载慢": the incident, not its place in the list. */
const withoutNumber = (heading: string) =>
  heading
    .replace(
      /^\s*(?:[(（](?:[一二三四五六七八九十]+|\d+)[)）]|(?:[一二三四五六七八九十]+|\d+)[、.．:：)）])\s*/u,
      '',
    )
    .trim() || heading

/** The document's title heading: its only H1, else its only top-level heading (never a known part's). */
function titleSection(tree: Section): Section | null {
  const top = tree.children.filter((s) => Number.isInteger(s.depth))
  const h1s = top.filter((s) => s.depth === 1)
  const first = h1s[0]
  if (first && !first.match?.sure) {
    // Several H1s: the first is the title when the others repeat it or are known parts.
    const key = first.heading.slice(0, 8)
    if (h1s.slice(1).every((h) => h.match || h.heading.startsWith(key))) return first
  }
  if (h1s.length) return null
  return top.length === 1 && !top[0]!.match ? top[0]! : null
}

/** The day an incident happened: as the front matter says, else its first moment, else the document's first date. */
function incidentDay(pm: ParsedPostmortem, occurredAt: string | null | undefined, documentDay: Date | null) {
  const first = pm.timeline.find((e) => e.at)?.at
  return occurredAt ? new Date(occurredAt) : first ? new Date(first) : documentDay
}

/** Parses a Markdown retro: one document with several incidents becomes one launch with several postmortems. */
export function parseRetro(source: string): ParsedRetro {
  const root = parseMarkdown(source)
  const front = readFrontMatter(root)
  if (isHindsightExport(front, source)) return parseHindsight(front, source)
  const offset = documentOffset(source)
  // Front matter wins over the same facts stated in labelled lines ("**Severity:** P2").
  const meta = facts({ ...labelledFacts(root.children, offset), ...front })
  const tree = buildTree(root)
  const context: TimeContext = {
    offset,
    day: meta.occurredAt ? new Date(meta.occurredAt) : findDate(toString(root).slice(0, 5_000), offset),
  }
  const named = titleSection(tree)
  const withFacts = (pm: ParsedPostmortem): ParsedPostmortem => ({
    ...pm,
    actionItems: pm.actionItems.map((item) => ({
      ...item,
      due: dueAfter(item.due, incidentDay(pm, meta.occurredAt, context.day)),
    })),
    ...(meta.severity ? { severity: meta.severity } : {}),
    ...(meta.occurredAt ? { occurredAt: meta.occurredAt } : {}),
    ...(meta.tags.length ? { tags: meta.tags } : {}),
    ...(meta.services.length ? { services: meta.services } : {}),
    ...(meta.factors.length ? { factors: meta.factors } : {}),
  })
  const { incidents, shared } = findIncidents(tree)
  if (incidents.length > 1)
    return {
      launch: { name: meta.launch || named?.heading || meta.title || incidents[0]!.heading },
      postmortems: incidents.map((s) =>
        withFacts(new IncidentReader(withoutNumber(s.heading), context).read(s, shared)),
      ),
    }
  // A single incident: the whole document is it (sections may sit beside or under the title).
  const title = meta.title || named?.heading || labelledTitle(root) || firstSentence(tree)
  // The title heading is the document itself: its text is the introduction, its sub-sections the parts.
  const body: Section = named
    ? {
        ...tree,
        content: [...tree.content, ...named.content],
        children: tree.children.flatMap((s) => (s === named ? s.children : [s])),
      }
    : tree
  const pm = new IncidentReader(title, context).read(body)
  if (pm.confidence) pm.confidence.title = meta.title || named ? 0.95 : 0.5
  return { launch: meta.launch ? { name: meta.launch } : null, postmortems: [withFacts(pm)] }
}
