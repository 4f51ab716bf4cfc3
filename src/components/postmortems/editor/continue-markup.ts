import type { EditorState, StateCommand } from '@codemirror/state'

/** "- ", "* [ ] ", "2. ", "3) ": a list item's marker, its checkbox, and its indent. */
const LIST = /^(\s*)(?:([-*+])|(\d{1,9})([.)]))(\s+)(\[[ xX]\](?:\s+|$))?/
const QUOTE = /^\s*(?:>\s?)+/
/** "* * *", "---": a thematic break, not a list item. */
const RULE = /^\s*([-*_])(?:\s*\1){2,}\s*$/
/** "```", "~~~": a fenced code block opens or closes. */
const FENCE = /^\s{0,3}(?:```|~~~)/

/** True inside a fenced code block: an odd number of fences above the line. */
function inCode(state: EditorState, lineNumber: number) {
  let fences = 0
  for (let n = 1; n < lineNumber; n++) if (FENCE.test(state.doc.line(n).text)) fences++
  return fences % 2 === 1
}

/**
 * Enter inside a Markdown list item or quote starts the next one (the next number, an empty
 * checkbox); Enter on an empty item ends the list. Anywhere else (a thematic break, inside a
 * fenced code block) it does nothing and the next binding inserts the line break. (@codemirror/lang-markdown does the same from its syntax
 * tree, but brings the HTML, CSS and JavaScript parsers along: a fifth of the editor's code.)
 */
export const continueMarkup: StateCommand = ({ state, dispatch }) => {
  if (state.selection.ranges.length > 1) return false
  const { from, to } = state.selection.main
  const line = state.doc.lineAt(from)
  if (state.doc.lineAt(to).number !== line.number) return false
  if (RULE.test(line.text) || inCode(state, line.number)) return false
  const list = LIST.exec(line.text)
  const quote = list ? null : QUOTE.exec(line.text)
  const marker = list?.[0] ?? quote?.[0]
  if (!marker || from - line.from < marker.length) return false
  if (!line.text.slice(marker.length).trim()) {
    // An empty item: the list (or quote) ends here.
    dispatch(state.update({ changes: { from: line.from, to: line.to }, userEvent: 'delete' }))
    return true
  }
  const next = list
    ? `${list[1]}${list[2] ?? `${Number(list[3]) + 1}${list[4]}`}${list[5]}${list[6] !== undefined ? '[ ] ' : ''}`
    : marker
  dispatch(state.update(state.replaceSelection(`\n${next}`), { scrollIntoView: true, userEvent: 'input' }))
  return true
}
