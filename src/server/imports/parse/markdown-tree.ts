import MarkdownIt from 'markdown-it'
import type { StateBlock, StateInline, Token } from 'markdown-it'
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast'

/*
 * Markdown → an mdast tree, as remark (micromark) with GFM and front matter makes it, read by
 * markdown-it: some fifteen times faster on real retros (decision 062). The importer reads the
 * tree's shape and, through `asWritten`, the source of each paragraph and run of inline nodes:
 * so paragraphs, table cells, headings and inline nodes carry their offsets in the source, as
 * micromark's do. Other nodes carry none (nothing reads them).
 */

type Span = { start?: number; end?: number }
type Spanned = Token & Span
type Offsets = (at: number) => number | undefined

const md = new MarkdownIt('commonmark', { html: true, maxNesting: 100 }).enable(['table', 'strikethrough'])
// A tree keeps each link's destination as written; rendering sanitizes it later.
md.normalizeLink = (url) => url
md.normalizeLinkText = (text) => text
md.validateLink = () => true
// "[^1]: …" is a footnote (GFM), not a link definition: it stays a paragraph, its text kept.
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean
const blockRules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__
const reference = blockRules.find((r) => r.name === 'reference')!.fn
md.block.ruler.at('reference', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
  const at = state.bMarks[startLine]! + state.tShift[startLine]!
  return state.src.startsWith('[^', at) ? false : reference(state, startLine, endLine, silent)
})
// Adjacent texts are joined here, with their spans, and escapes kept apart until then.
md.core.ruler.disable('text_join')
md.inline.ruler2.disable('fragments_join')

/*
 * Spans of inline tokens, in offsets of their inline content: each rule's tokens span what the
 * rule read; a text gathered from several rules ("pending") spans from where it began to where
 * the next token begins.
 */
type Tracked = StateInline & { textStart?: number; ruleStart?: number; nextClose?: number }
/**
 * A link's or an image's text ends at a "]" within LABEL_MAX characters of its "[", else it is
 * text: a pile of "[" (hostile, or a broken export) made markdown-it look for each one's "]"
 * through the rest of the text, 3 s for 500 KB. The next "]" is found once for many "[".
 */
const LABELLED = new Set(['link', 'image'])
const LABEL_MAX = 1_000
function closesSoon(state: Tracked) {
  if (state.nextClose === undefined || state.nextClose < state.pos) {
    const found = state.src.indexOf(']', state.pos)
    state.nextClose = found === -1 ? Infinity : found
  }
  return state.nextClose - state.pos <= LABEL_MAX
}
/** A link or image rule, only where a "]" is near enough to end its text. */
function labelled(rule: InlineRule, name: string, state: Tracked, silent: boolean): boolean {
  if (!closesSoon(state)) return false
  return silent ? rule(state, silent) : tracked(rule, name, state)
}
type InlineRule = (state: Tracked, silent: boolean) => boolean
const DELIMITED = new Set(['emphasis', 'strikethrough'])
const inlineRules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] })
  .__rules__
for (const { name, fn: rule } of [...inlineRules])
  md.inline.ruler.at(name, (state: Tracked, silent: boolean) =>
    LABELLED.has(name)
      ? labelled(rule, name, state, silent)
      : silent
        ? rule(state, silent)
        : tracked(rule, name, state),
  )

/** Runs an inline rule and gives the tokens it pushed their spans. */
function tracked(rule: InlineRule, name: string, state: Tracked): boolean {
  const start = state.pos
  // Each turn of the inline parser tries the rules in order: the first sees where it begins.
  if (!state.pending) state.textStart = start
  const from = state.tokens.length
  const outer = state.ruleStart
  state.ruleStart = start
  const ok = rule(state, false)
  state.ruleStart = outer
  // Emphasis and strikethrough push one text per delimiter (`*`, `~~`), each spanning its own.
  let at = start
  if (ok)
    for (let i = from; i < state.tokens.length; i++) {
      const token = state.tokens[i] as Spanned
      if (token.start !== undefined) continue
      if (token.type === 'hardbreak' && name === 'newline') {
        // Its spaces before the line's end are the break (the text before it ends there).
        let spaces = start
        while (spaces > 0 && state.src[spaces - 1] === ' ') spaces--
        token.start = spaces
        token.end = start + 1
        const before = state.tokens[i - 1] as Spanned | undefined
        if (before?.type === 'text' && before.end === start) before.end = spaces
      } else if (DELIMITED.has(name)) {
        token.start = at
        token.end = at += token.content.length
      } else {
        token.start = start
        token.end = state.pos
      }
    }
  return ok
}
// A text ends where the rule that pushes the next token began (a link has moved on past its
// "[" by then), or where the inline content ends.
const { push, pushPending } = md.inline.State.prototype
md.inline.State.prototype.pushPending = function (this: Tracked) {
  const token = pushPending.call(this) as Spanned
  token.start = this.textStart ?? this.pos
  token.end = this.pos
  return token
}
md.inline.State.prototype.push = function (
  this: Tracked,
  type: string,
  tag: string,
  nesting: Token['nesting'],
) {
  if (this.pending) (this.pushPending() as Spanned).end = this.ruleStart ?? this.pos
  return push.call(this, type, tag, nesting)
}

const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\n(?:([\s\S]*?)\n)?\1[ \t]*(?:\n|$)/

/** `text`'s tree; `bareLinks`: also `www.…`, `https://…` and e-mail addresses written without link syntax. */
export function markdownTree(text: string, bareLinks: boolean): Root {
  const children: RootContent[] = []
  const front = FRONT_MATTER.exec(text)
  if (front) {
    children.push({ type: front[1] === '---' ? 'yaml' : ('toml' as 'yaml'), value: front[2] ?? '' })
    // Blank lines in its place: the offsets stay the source's.
    text = front[0].replace(/[^\n]/g, ' ') + text.slice(front[0].length)
  }
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const tokens = md.parse(text, {}) as Spanned[]
  const root: Root = { type: 'root', children }
  new TreeBuilder(text, lineStarts, tokens).blocks(root, 0, tokens.length)
  if (bareLinks) linkBareAddresses(root)
  return root
}

class TreeBuilder {
  constructor(
    private source: string,
    private lineStarts: number[],
    private tokens: Spanned[],
  ) {}

  /** Adds the blocks of tokens [from, to) to `parent`. */
  blocks(parent: Parent, from: number, to: number) {
    const { tokens } = this
    for (let i = from; i < to; i++) {
      const token = tokens[i]!
      if (token.nesting === 1) {
        const close = this.closing(i)
        const node = this.block(token, i, close)
        if (node) parent.children.push(node as never)
        i = close
      } else {
        const node = this.leaf(token)
        if (node) parent.children.push(node as never)
      }
    }
  }

  private closing(open: number): number {
    return closing(this.tokens, open, this.tokens.length)
  }

  private block(token: Spanned, open: number, close: number): RootContent | null {
    const inline = this.tokens[open + 1]
    switch (token.type) {
      case 'paragraph_open': {
        const offsets = this.paragraphOffsets(inline!.content, token.map![0])
        const children = phrasing(inlineTokens(inline!), offsets)
        return { type: 'paragraph', children, ...position(offsets(0), offsets(inline!.content.length)) }
      }
      case 'heading_open': {
        const children = phrasing(inlineTokens(inline!), this.headingOffsets(inline!.content, token.map!))
        return { type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children }
      }
      case 'blockquote_open': {
        const node = { type: 'blockquote' as const, children: [] as BlockContent[] }
        this.blocks(node, open + 1, close)
        return node
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token, open, close)
      case 'table_open':
        return this.table(open, close)
      default:
        return null
    }
  }

  private leaf(token: Spanned): RootContent | null {
    switch (token.type) {
      case 'fence': {
        const [lang, ...meta] = token.info.trim().split(/\s+/)
        return {
          type: 'code',
          lang: lang ? unescape(lang) : null,
          meta: meta.length ? unescape(token.info.trim().slice(lang!.length).trim()) : null,
          value: token.content.replace(/\n$/, ''),
        }
      }
      case 'code_block':
        return { type: 'code', lang: null, meta: null, value: token.content.replace(/\n+$/, '') }
      case 'html_block':
        return { type: 'html', value: token.content.replace(/\n+$/, '') }
      case 'hr':
        return { type: 'thematicBreak' }
      default:
        return null
    }
  }

  private list(token: Spanned, open: number, close: number): List {
    const ordered = token.type === 'ordered_list_open'
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? Number(token.attrGet('start') ?? 1) : null,
      spread: false,
      children: [],
    }
    let previousEnd: number | null = null
    for (let i = open + 1; i < close; i++) {
      const itemClose = this.closing(i)
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [] }
      this.blocks(item, i + 1, itemClose)
      taskItem(item)
      // As micromark has it: an item is spread by a blank line between its blocks, the list by
      // one between its items.
      const blocks = this.childSpans(i + 1, itemClose)
      item.spread = blocks.some((span, k) => k > 0 && this.blankIn(blocks[k - 1]![1], span[0]))
      const map = this.tokens[i]!.map
      if (map && previousEnd !== null && this.blankIn(previousEnd, map[0])) list.spread = true
      previousEnd = blocks.at(-1)?.[1] ?? (map ? map[0] + 1 : null)
      list.children.push(item)
      i = itemClose
    }
    return list
  }

  /** The lines each block of tokens [from, to) fills, without blank lines after it. */
  private childSpans(from: number, to: number): [number, number][] {
    const spans: [number, number][] = []
    for (let i = from; i < to; i++) {
      const map = this.tokens[i]!.map
      if (map) spans.push([map[0], this.lastFilledLine(map[0], map[1]) + 1])
      if (this.tokens[i]!.nesting === 1) i = this.closing(i)
    }
    return spans
  }

  private blankIn(from: number, to: number) {
    for (let line = from; line < to; line++) if (!this.line(line).trim()) return true
    return false
  }

  private lastFilledLine(from: number, to: number) {
    let line = to - 1
    while (line > from && !this.line(line).trim()) line--
    return line
  }

  private line(n: number) {
    const start = this.lineStarts[n] ?? this.source.length
    const next = this.lineStarts[n + 1]
    return this.source.slice(start, next === undefined ? undefined : next - 1)
  }

  private table(open: number, close: number): Table {
    const table: Table = { type: 'table', align: [], children: [] }
    let row: TableRow | null = null
    let rowLine = 0
    let column = 0
    let cells = 0
    for (let i = open + 1; i < close; i++) {
      const token = this.tokens[i]!
      if (token.type === 'tr_open') {
        row = { type: 'tableRow', children: [] }
        table.children.push(row)
        rowLine = token.map?.[0] ?? 0
        column = 0
        cells = cellsIn(this.line(rowLine))
      } else if ((token.type === 'th_open' || token.type === 'td_open') && row!.children.length < cells) {
        const style = attr(token, 'style')
        if (token.type === 'th_open') table.align!.push((style.slice('text-align:'.length) as 'left') || null)
        const inline = this.tokens[i + 1]!
        // Where the cell's text starts in its row's line, searched after the cell before it.
        const lineStart = this.lineStarts[rowLine] ?? 0
        const found = inline.content ? this.line(rowLine).indexOf(inline.content, column) : -1
        if (found !== -1) column = found + inline.content.length
        const offsets: Offsets = (c) => (found === -1 ? undefined : lineStart + found + c)
        const cell: TableCell = {
          type: 'tableCell',
          children: phrasing(inlineTokens(inline), offsets),
        }
        row!.children.push(cell)
      }
    }
    return table
  }

  /** A heading's text is found in its lines (a setext heading's underline after them). */
  private headingOffsets(content: string, [first, after]: [number, number]): Offsets {
    const from = this.lineStarts[first] ?? 0
    const found = this.source.slice(from, this.lineStarts[after]).indexOf(content)
    return (c) => (found === -1 ? undefined : from + found + c)
  }

  /**
   * A paragraph's content is its lines, each without what its block and container put before it
   * (indent, `>`, a list marker), trimmed at both ends: each line is found at the end of its
   * source line (the last before any trailing blank). Undefined offsets when a line is not
   * there as it is (a tab the parser turned into spaces).
   */
  private paragraphOffsets(content: string, firstLine: number): Offsets {
    const lines = content.split('\n')
    const starts: number[] = []
    const contentStarts: number[] = []
    let c = 0
    for (const [i, text] of lines.entries()) {
      const line = this.line(firstLine + i)
      const last = i === lines.length - 1
      const lineStart = this.lineStarts[firstLine + i]!
      const start = lineStart + (last ? line.trimEnd().length : line.length) - text.length
      if (start < lineStart || !this.source.startsWith(text, start)) return () => undefined
      starts.push(start)
      contentStarts.push(c)
      c += text.length + 1
    }
    return (at) => {
      // The last line starting at or before `at`.
      let [low, high] = [0, contentStarts.length - 1]
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if (contentStarts[mid]! <= at) low = mid
        else high = mid - 1
      }
      return starts[low]! + (at - contentStarts[low]!)
    }
  }
}

const inlineTokens = (inline: Token) => (inline.children ?? []) as Spanned[]

/** The token that closes the one opened at `open` (the last before `to` when none does). */
function closing(tokens: Token[], open: number, to: number): number {
  let depth = 0
  for (let i = open; i < to; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return to - 1
}

/** How many cells a table row's line writes (markdown-it adds empty ones up to the header's count). */
function cellsIn(line: string) {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return inner.split(/(?<!\\)\|/).length
}

const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '')

const position = (start?: number, end?: number) =>
  start === undefined || end === undefined
    ? {}
    : { position: { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } } }

const MAX_INLINE_DEPTH = 32

/** Inline tokens [from, to) as mdast nodes: texts, soft breaks and escapes joined into one text. */
function phrasing(
  tokens: Spanned[],
  offsets: Offsets,
  from = 0,
  to = tokens.length,
  depth = 0,
): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const span = (node: PhrasingContent, start?: number, end?: number) => {
    const place = (at?: number) => (at === undefined || Number.isNaN(at) ? undefined : offsets(at))
    Object.assign(node, position(place(start), place(end)))
    return node
  }
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    const last = out.at(-1)
    const text =
      token.type === 'text' || token.type === 'text_special'
        ? token.content
        : token.type === 'softbreak'
          ? '\n'
          : null
    if (text !== null) {
      if (!text) continue
      if (last?.type === 'text') {
        last.value += text
        const end = token.end === undefined ? undefined : offsets(token.end)
        if (last.position && end !== undefined) last.position.end.offset = end
        else delete last.position
      } else out.push(span({ type: 'text', value: text }, token.start, token.end))
      continue
    }
    // Emphasis nested past any writer's (`*a *b *c … c* b* a*`, thousands deep) is read as its
    // text: no reader of the tree recurses that deep.
    if (token.nesting !== 0 && depth >= MAX_INLINE_DEPTH) continue
    if (token.nesting === 1) {
      const close = closing(tokens, i, to)
      const children = phrasing(tokens, offsets, i + 1, close, depth + 1)
      const end = tokens[close]?.end
      const node: PhrasingContent | null =
        token.type === 'strong_open'
          ? { type: 'strong', children }
          : token.type === 'em_open'
            ? { type: 'emphasis', children }
            : token.type === 's_open'
              ? { type: 'delete', children }
              : token.type === 'link_open'
                ? {
                    type: 'link',
                    title: attr(token, 'title') || null,
                    url: attr(token, 'href'),
                    children,
                  }
                : null
      // "<https://…>": the link's text is inside its brackets.
      const inner = children[0]
      if (token.markup === 'autolink' && inner?.position) {
        inner.position.start.offset! += 1
        inner.position.end.offset! -= 1
      }
      // A delimiter's span is its own characters; `**` is two of them, one a token.
      const delimited = node?.type === 'strong' || node?.type === 'emphasis' || node?.type === 'delete'
      if (node && delimited)
        out.push(
          span(
            node,
            (token.end ?? NaN) - token.markup.length,
            (tokens[close]?.start ?? NaN) + token.markup.length,
          ),
        )
      else if (node) out.push(span(node, token.start, end))
      else out.push(...children)
      i = close
      continue
    }
    const node: PhrasingContent | null =
      token.type === 'code_inline'
        ? { type: 'inlineCode', value: token.content }
        : token.type === 'hardbreak'
          ? { type: 'break' }
          : token.type === 'html_inline'
            ? { type: 'html', value: token.content }
            : token.type === 'image'
              ? {
                  type: 'image',
                  title: attr(token, 'title') || null,
                  url: attr(token, 'src'),
                  alt: token.content,
                }
              : null
    if (node) out.push(span(node, token.start, token.end))
  }
  return out
}

/** "- [x] done": a GFM task list item, its box taken off the first paragraph. */
function taskItem(item: ListItem) {
  const first = item.children[0]
  const head = first?.type === 'paragraph' ? first.children[0] : undefined
  if (head?.type !== 'text') return
  const m = /^\[([ \txX])\](?=[ \t\n]|$)/.exec(head.value)
  if (!m || (head.value.length === 3 && first!.type === 'paragraph' && first.children.length === 1)) return
  item.checked = m[1] !== ' ' && m[1] !== '\t'
  const value = head.value.slice(3).replace(/^[ \t]/, '')
  const cut = head.value.length - value.length
  if (head.position) head.position.start.offset! += cut
  if (first!.position) first!.position.start.offset! += cut
  if (value) head.value = value
  else (first as { children: PhrasingContent[] }).children.shift()
}

const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1')

/*
 * GFM's literal autolinks: "www.…", "https://…" and e-mail addresses written without link syntax
 * become links, as micromark's GFM extension reads them: after a space, a bracket or emphasis
 * (www), anything but a Latin letter (a protocol), anything but a word character (an address);
 * without the punctuation that ends a sentence, an unbalanced ")" or a trailing entity.
 */
const BARE_LINK =
  /(?:(?<=^|[\s(*_~[\]])www\.|(?<![A-Za-z])https?:\/\/)[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*[^\s<]*|(?<![\w.+\-/])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu
const TRAILING = /(?:[?!.,:*_~"']|&[A-Za-z\d]+;)+$/
const LINK_PREFIX = /^(?:https?:\/\/|www\.)/i

function linkBareAddresses(node: Parent) {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!
    if (child.type === 'link' || child.type === 'linkReference') continue
    if ('children' in child) linkBareAddresses(child)
    else if (child.type === 'text') {
      const parts = splitBareLinks(child)
      if (parts) {
        node.children.splice(i, 1, ...(parts as never[]))
        i += parts.length - 1
      }
    }
  }
}

function splitBareLinks(text: Text): PhrasingContent[] | null {
  const value = text.value
  if (value.search(BARE_LINK) === -1) return null
  // Offsets of pieces only where the text is its source character for character.
  const start = text.position?.start.offset
  const exact = start !== undefined && text.position!.end.offset! - start === value.length
  const at = (from: number, to: number) => (exact ? position(start + from, start + to) : {})
  const out: PhrasingContent[] = []
  let last = 0
  for (const m of value.matchAll(BARE_LINK)) {
    let link = m[0].replace(TRAILING, '')
    while (link.endsWith(')') && count(link, '(') < count(link, ')'))
      link = link.slice(0, -1).replace(TRAILING, '')
    if (link.includes('@') && !LINK_PREFIX.test(link) && /[-_]$/.test(link)) continue
    if (!/[\p{L}\p{N}]/u.test(link.replace(LINK_PREFIX, ''))) continue
    const from = m.index
    const to = from + link.length
    if (from > last) out.push({ type: 'text', value: value.slice(last, from), ...at(last, from) })
    const url = /^www\./i.test(link) ? `http://${link}` : /^https?:/i.test(link) ? link : `mailto:${link}`
    out.push({
      type: 'link',
      title: null,
      url,
      children: [{ type: 'text', value: link, ...at(from, to) }],
      ...at(from, to),
    })
    last = to
  }
  if (!out.length) return null
  if (last < value.length) out.push({ type: 'text', value: value.slice(last), ...at(last, value.length) })
  return out
}

const count = (s: string, c: string) => s.split(c).length - 1
