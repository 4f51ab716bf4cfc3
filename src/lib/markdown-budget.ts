/*
 * Markdown is parsed with micromark, which is linear for ordinary text but not for every
 * shape a 20,000-character field can take: each nested blockquote or list on a line costs
 * as much as all the ones before it ('>'.repeat(19990) + ' x' took seconds, then overflowed
 * the stack), and nested emphasis, piles of brackets, setext underlines and link
 * definitions are quadratic too. Rendering stays within a budget instead:
 *
 * 1. nesting on a line is cut at `depth` containers (the rest of the markers are escaped,
 *    so they show as the characters they are);
 * 2. a text with more of the costly constructs than a real postmortem needs is shown as
 *    plain text (every character kept, line breaks too), not parsed;
 * 3. the parsed tree is at most `treeDepth` deep, else plain text again.
 *
 * Plain, isomorphic TypeScript: the server's renderer and the editor's preview share it.
 */

export const MARKDOWN_BUDGET = {
  /** Blockquotes and list items nested on one line. */
  depth: 16,
  /** Blockquote and list markers at the start of lines, all lines together. */
  containerMarkers: 1_000,
  /** `*` and `_` that can open or close emphasis (not `_` inside a word, as in snake_case). */
  emphasisDelimiters: 1_000,
  /** `[` and `]` (links, images, references, footnotes, task boxes). */
  brackets: 2_000,
  /** Lines that could underline a heading (`===`, `---`). */
  underlines: 200,
  /** Link and footnote definitions (`[a]: …`). */
  definitions: 300,
  /** Levels in the parsed tree. */
  treeDepth: 64,
} as const

// One container marker: a blockquote `>` (its optional space is eaten with it), or a list
// marker (`-`, `+`, `*`, or up to nine digits and `.`/`)`) followed by a space, a tab or the
// end of the line. Leading spaces or tabs before each.
const containerMarker = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const underline = /^ {0,3}(?:=+|-+)[ \t]*$/
const definition = /^[ \t>]*\[[^\]\n]*\]:/

/** The text with container markers beyond `depth` on any line escaped (so shown literally). */
export function limitNesting(text: string, depth: number = MARKDOWN_BUDGET.depth): string {
  if (!/[>*+\-\d]/.test(text)) return text
  const lines = text.split('\n')
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (thematicBreak.test(line)) continue
    let count = 0
    let at = 0
    containerMarker.lastIndex = 0
    while (containerMarker.exec(line)) {
      const end = containerMarker.lastIndex
      count++
      if (count > depth) {
        // Before `>`, `-`, `+`, `*`; for `1.` before the `.` (a backslash before a digit shows).
        let marker = line.slice(at).search(/[^ \t]/) + at
        while (/\d/.test(line[marker]!)) marker++
        lines[i] = `${line.slice(0, marker)}\\${line.slice(marker)}`
        changed = true
        break
      }
      at = end
    }
  }
  return changed ? lines.join('\n') : text
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95

/** Whether a text (already through limitNesting) is cheap enough to parse as Markdown. */
export function withinMarkdownBudget(text: string): boolean {
  let emphasis = 0
  let brackets = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 42 /* * */) emphasis++
    else if (c === 95 /* _ */ && !(isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i + 1))))
      emphasis++
    else if (c === 91 /* [ */ || c === 93 /* ] */) brackets++
  }
  if (emphasis > MARKDOWN_BUDGET.emphasisDelimiters || brackets > MARKDOWN_BUDGET.brackets) return false
  let markers = 0
  let underlines = 0
  let definitions = 0
  for (const line of text.split('\n')) {
    containerMarker.lastIndex = 0
    while (containerMarker.exec(line)) markers++
    if (underline.test(line)) underlines++
    if (definition.test(line)) definitions++
  }
  return (
    markers <= MARKDOWN_BUDGET.containerMarkers &&
    underlines <= MARKDOWN_BUDGET.underlines &&
    definitions <= MARKDOWN_BUDGET.definitions
  )
}

type Node = { children?: Node[] }

/** How many levels a parsed tree has, counted without recursion. */
export function treeDepth(root: Node): number {
  let deepest = 0
  const stack: [Node, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    for (const child of node.children ?? []) stack.push([child, depth + 1])
  }
  return deepest
}
