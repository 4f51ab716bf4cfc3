import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { toString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { matchHeading, type HeadingMatch } from './vocabulary'

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

export const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

/** Markdown text of nodes. */
export function markdown(nodes: RootContent[]): string {
  if (!nodes.length) return ''
  return toMarkdown({ type: 'root', children: nodes } as Root, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
  }).trim()
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

export const parseMarkdown = (source: string): Root => processor.parse(boundNesting(leadingComments(source)))

/** HTML comments carry no content (`<!-- source: … -->` is never a title or a paragraph); other raw HTML stays as text. */
function withoutComments(node: RootContent): RootContent[] {
  if (node.type !== 'html') return [node]
  const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim()
  return value ? [{ ...node, value }] : []
}

const LABEL_END = /^\s*[:：]\s*/

/**
 * "**Root cause:** the config…" or "**问题原因**" alone: a bold label the vocabulary knows, at
 * the start of a paragraph. Returns the label and the paragraph's rest (if any).
 */
function labelled(node: RootContent): { label: string; match: HeadingMatch; rest: Paragraph | null } | null {
  if (node.type !== 'paragraph') return null
  const [first, ...others] = node.children
  if (!first || first.type !== 'strong') return null
  const label = toString(first).trim()
  if (!label || label.length > 40) return null
  const match = matchHeading(label)
  if (!match) return null
  const rest = [...others] as PhrasingContent[]
  const head = rest[0]
  if (head?.type === 'text') {
    const value = head.value.replace(LABEL_END, '').replace(/^\n+/, '')
    if (value.trim()) rest[0] = { ...head, value }
    else rest.shift()
  }
  // Bold labels that end in a colon inside the bold ("**Root cause:**") or after it; a bold
  // phrase in running text ("**Impact** was small") is not a label.
  const colon = /[:：]$/.test(label) || LABEL_END.test(others[0]?.type === 'text' ? others[0].value : '')
  const alone = !rest.some((n) => (n.type === 'text' ? n.value.trim() : true))
  if (!colon && !alone) return null
  return {
    label: label.replace(/[:：]$/, ''),
    match,
    rest: alone ? null : { type: 'paragraph', children: rest },
  }
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
  for (const raw of root.children) {
    if (raw.type === 'yaml' || (raw.type as string) === 'toml') continue
    if (raw.type === 'heading') {
      const heading = toString(raw).trim()
      headingDepth = raw.depth
      open(heading, raw.depth, matchHeading(heading))
      continue
    }
    const label = labelled(raw)
    if (label) {
      const section = open(label.label, headingDepth + 0.5, label.match)
      if (label.rest) section.content.push(label.rest)
      continue
    }
    stack.at(-1)!.content.push(...withoutComments(raw))
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

export const join = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b)
