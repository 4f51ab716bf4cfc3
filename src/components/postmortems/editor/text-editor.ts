import { defaultKeymap } from '@codemirror/commands'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  commentHighlights,
  highlightTheme,
  setHighlights,
  type Highlight,
} from '../comments/comment-highlights'
import { continueMarkup } from './continue-markup'

/*
 * A long text's editor (CodeMirror 6 bound to its shared text by y-codemirror.next), in a module
 * of its own: the page loads it after its own script (SharedTextField imports it dynamically), and
 * until then each long text is its plain field (plain-field.ts).
 */

/** Looks like the app's textareas; grows with its text, wraps long lines. */
const theme = EditorView.theme({
  '&': { fontSize: '0.875rem', backgroundColor: 'transparent' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'inherit', padding: '0.5rem 0', caretColor: 'currentColor' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.5' },
  '.cm-ySelectionInfo': { fontFamily: 'inherit', fontSize: '0.75rem', opacity: '1', padding: '1px 4px' },
})

/** The passages last marked in each editor (as JSON), so that unchanged marks dispatch nothing. */
const marked = new WeakMap<EditorView, string>()

export type TextEditor = EditorView

/** Marks the passages of open comment threads, when they moved since they were last marked. */
export function markPassages(editor: EditorView, marks: Highlight[]) {
  // A transaction for nothing, between a selection made in the page and the editor reading it,
  // puts the editor's older selection back (a select-all then typed over kept the old text).
  const key = JSON.stringify(marks)
  if (marked.get(editor) === key) return
  marked.set(editor, key)
  editor.dispatch({ effects: setHighlights.of(marks) })
}

/** An editor in `parent`, of the shared `text`, everyone's cursors drawn from `awareness`. */
export function openTextEditor(
  parent: HTMLElement,
  {
    text,
    awareness,
    undoManager,
    attributes,
    onComment,
    onSelect,
  }: {
    text: Y.Text
    awareness: Awareness
    undoManager: Y.UndoManager
    /** The editable element's id, role and ARIA attributes. */
    attributes: Record<string, string>
    /** Ctrl/Cmd+Alt+M: a comment on the selection; false when there is none. */
    onComment: () => boolean
    /** Whether some text is selected, after each change of the selection or the text. */
    onSelect: (selected: boolean) => void
  },
) {
  const editor = new EditorView({
    parent,
    state: EditorState.create({
      doc: text.toString(),
      extensions: [
        // Tab moves focus on (no keyboard trap): neither keymap binds it.
        keymap.of([
          { key: 'Mod-Alt-m', run: onComment },
          // Markdown lists and quotes go on with Enter.
          { key: 'Enter', run: continueMarkup },
          ...yUndoManagerKeymap,
          ...defaultKeymap,
        ]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attributes),
        theme,
        yCollab(text, awareness, { undoManager }),
        commentHighlights,
        highlightTheme,
        EditorView.updateListener.of((update) => {
          if (update.selectionSet || update.docChanged) onSelect(!update.state.selection.main.empty)
        }),
      ],
    }),
  })
  marked.set(editor, '[]')
  return editor
}
