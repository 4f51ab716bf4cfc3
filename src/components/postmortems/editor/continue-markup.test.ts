import { EditorSelection, EditorState, type Transaction } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { continueMarkup } from './continue-markup'

/** Enter at the `|` of the text: what the text becomes, or null when Enter is left to the next binding. */
function enter(text: string): string | null {
  const at = text.indexOf('|')
  let state = EditorState.create({ doc: text.replace('|', ''), selection: EditorSelection.cursor(at) })
  const handled = continueMarkup({
    state,
    dispatch: (tr: Transaction) => {
      state = tr.state
    },
  })
  if (!handled) return null
  const head = state.selection.main.head
  return `${state.doc.sliceString(0, head)}|${state.doc.sliceString(head)}`
}

describe('continueMarkup: Enter in a Markdown list or quote', () => {
  it('starts the next item with the same marker, the next number, an empty checkbox', () => {
    expect(enter('- the pool ran dry|')).toBe('- the pool ran dry\n- |')
    expect(enter('  * 连接池被打满|')).toBe('  * 连接池被打满\n  * |')
    expect(enter('9. roll back|')).toBe('9. roll back\n10. |')
    expect(enter('1) 回滚|')).toBe('1) 回滚\n2) |')
    expect(enter('- [x] add an alert|')).toBe('- [x] add an alert\n- [ ] |')
    expect(enter('> quoted from the chat|')).toBe('> quoted from the chat\n> |')
  })

  it('splits an item where the cursor is', () => {
    expect(enter('- first| second')).toBe('- first\n- | second')
  })

  it('ends the list on an empty item', () => {
    expect(enter('- one\n- |')).toBe('- one\n|')
    expect(enter('- [ ] |')).toBe('|')
  })

  it('leaves code and thematic breaks alone; a bare checkbox still continues as one', () => {
    expect(enter('```yaml\n- name: web|')).toBeNull()
    expect(enter('```\n1) step\n```\n- after the code|')).toBe('```\n1) step\n```\n- after the code\n- |')
    expect(enter('* * *|')).toBeNull()
    expect(enter('- [ ]|')).toBe('|')
    expect(enter('- [x] done|')).toBe('- [x] done\n- [ ] |')
  })

  it('leaves plain text, and a cursor inside the marker, to the ordinary line break', () => {
    expect(enter('The pool ran dry.|')).toBeNull()
    expect(enter('-| item')).toBeNull()
    expect(enter('-5 degrees|')).toBeNull()
  })
})
