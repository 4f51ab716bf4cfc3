import { toString } from 'mdast-util-to-string'
import { isHindsightExport, parseHindsight } from './parse-hindsight'
import type { ParsedPostmortem, ParsedRetro } from './parsed-retro'
import { facts, readFrontMatter } from './parse/front-matter'
import { findIncidents } from './parse/incidents'
import { IncidentReader } from './parse/incident-reader'
import { buildTree, parseMarkdown, type Section } from './parse/markdown'
import { documentOffset, findDate, type TimeContext } from './parse/timestamps'

/*
 * Markdown retro → structured postmortems, by rules only (no network, no model). Each
 * recogniser is a module of ./parse: front matter, the section tree (headings and bold labels
 * matched against vocabulary.json), incidents, timelines, action items, root-cause sentences.
 * Whatever cannot be placed is kept in `unmapped`, with a proposed field.
 */

export type { Field } from './parse/vocabulary'
export { classifyHeading } from './parse/vocabulary'
export type { ParsedPostmortem, ParsedRetro } from './parsed-retro'

/** The first line of text that is not markup: a title for a document without headings. */
function firstLine(source: string) {
  const line =
    source
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/^(?:---|\+\+\+)\n[\s\S]*?\n(?:---|\+\+\+)\n/, '')
      .split('\n')
      .map((l) => l.replace(/^[#\s>*_-]+|[*_]+$/g, '').trim())
      .find(Boolean) ?? 'Untitled'
  // A first sentence, not a whole paragraph.
  const sentence = /^(.{8,}?[。.!?！？])(?:\s|$)/u.exec(line)?.[1] ?? line
  return sentence.slice(0, 200)
}

/** The document's title heading: its H1, else its only top-level heading. */
function titleSection(tree: Section): Section | null {
  const top = tree.children.filter((s) => Number.isInteger(s.depth))
  const h1 = top.find((s) => s.depth === 1)
  if (h1) return h1
  return top.length === 1 && !top[0]!.match ? top[0]! : null
}

/** Parses a Markdown retro: one document with several incidents becomes one launch with several postmortems. */
export function parseRetro(source: string): ParsedRetro {
  const root = parseMarkdown(source)
  const front = readFrontMatter(root)
  if (isHindsightExport(front, source)) return parseHindsight(front, source)
  const meta = facts(front)
  const tree = buildTree(root)
  const offset = documentOffset(source)
  const context: TimeContext = {
    offset,
    day: meta.occurredAt ? new Date(meta.occurredAt) : findDate(toString(root).slice(0, 5_000), offset),
  }
  const named = titleSection(tree)
  const withFacts = (pm: ParsedPostmortem): ParsedPostmortem => ({
    ...pm,
    ...(meta.severity ? { severity: meta.severity } : {}),
    ...(meta.occurredAt ? { occurredAt: meta.occurredAt } : {}),
    ...(meta.tags.length ? { tags: meta.tags } : {}),
    ...(meta.services.length ? { services: meta.services } : {}),
  })
  const { incidents, shared } = findIncidents(tree)
  if (incidents.length > 1)
    return {
      launch: { name: meta.launch || named?.heading || meta.title || incidents[0]!.heading },
      postmortems: incidents.map((s) => withFacts(new IncidentReader(s.heading, context).read(s, shared))),
    }
  // A single incident: the whole document is it (sections may sit beside or under the title).
  const title = meta.title || named?.heading || firstLine(source)
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
