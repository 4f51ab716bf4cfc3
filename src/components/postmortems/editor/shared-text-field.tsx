'use client'

import { defaultKeymap } from '@codemirror/commands'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { MessageSquarePlus } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import {
  commentHighlights,
  highlightTheme,
  setHighlights,
  type Highlight,
} from '../comments/comment-highlights'
import { continueMarkup } from './continue-markup'
import { MarkdownPreview, WriteOrPreview } from './fields'
import { followPlainField, handOverWhenQuiet, plainField } from './plain-field'
import { LOCAL_EDIT } from './use-shared-document'

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

/** The selected passage of a field, for a new comment thread. */
export type Passage = { from: number; to: number; quote: string }

/** Comments on a field: its threads' passages to mark, and how to start a thread on a selection. */
export type FieldComments = {
  /** Where the open threads' passages are now (read from the shared document). */
  highlights: () => Highlight[]
  onComment: (passage: Passage) => void
}

/** The shared text as it will read, following every change while it is shown (and only then). */
function SharedPreview({ text }: { text: Y.Text }) {
  const subscribe = useCallback(
    (notify: () => void) => {
      text.observe(notify)
      return () => text.unobserve(notify)
    },
    [text],
  )
  const read = () => text.toString()
  return <MarkdownPreview value={useSyncExternalStore(subscribe, read, read)} />
}

/**
 * A long text field bound to its shared text: what several people type at once merges
 * character by character, and each sees the others' cursors with their names (CodeMirror 6,
 * y-codemirror.next). Undo takes back this person's own typing only.
 */
/** Re-renders only when its props change (not on every keystroke elsewhere in the form). */
export const SharedTextField = memo(function SharedTextField({
  id,
  label,
  hint,
  error,
  text,
  awareness,
  undoManager,
  rendered,
  readOnly,
  rows = 3,
  comments,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  text: Y.Text
  awareness: Awareness | null
  undoManager: Y.UndoManager
  /** The shared state the page was rendered from (useSharedDocument), when it had one. */
  rendered: Uint8Array | null
  readOnly: boolean
  rows?: number
  comments?: FieldComments
}) {
  const t = useTranslations('Comments')
  const view = useRef<EditorView | null>(null)
  const [selected, setSelected] = useState(false)
  // The latest callbacks, read by the editor without remounting it when threads change.
  const latest = useRef(comments)
  useEffect(() => {
    latest.current = comments
  })

  const requestComment = useCallback(() => {
    const current = view.current
    if (!current || !latest.current) return false
    const { from, to } = current.state.selection.main
    if (from === to) return false
    latest.current.onComment({ from, to, quote: current.state.sliceDoc(from, to) })
    return true
  }, [])

  // Marks the passages again after every change of the text (anyone's) and of the threads;
  // deferred, since a local edit reaches the shared text during the editor's own update.
  const highlights = comments?.highlights
  useEffect(() => {
    if (!highlights) return
    let queued = false
    const mark = () => {
      if (queued) return
      queued = true
      queueMicrotask(() => {
        queued = false
        const current = view.current
        if (!current) return
        // Only when the marks moved: a transaction for nothing, between a selection made in the
        // page and the editor reading it, puts the editor's older selection back (a select-all
        // then typed over kept the old text after the new).
        const marks = highlights()
        const key = JSON.stringify(marks)
        if (marked.get(current) === key) return
        marked.set(current, key)
        current.dispatch({ effects: setHighlights.of(marks) })
      })
    }
    mark()
    text.observe(mark)
    return () => text.unobserve(mark)
  }, [text, highlights])

  const describedBy = [hint && !error && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')

  // The field as the page's HTML has it: a plain textarea holding the text, until the editor
  // has mounted (the script loaded and the section hydrated). The text shows from the first
  // paint, and what is typed into it then is kept and handed to the editor. Made once: React
  // leaves HTML set this way as the server sent it, typing included.
  const [plain] = useState(() => plainField({ id, describedBy, error, readOnly, text: text.toString() }))
  const [live, setLive] = useState(false)
  const handedOver = useRef(false)
  const plainTyping = useRef<ReturnType<typeof followPlainField> | null>(null)

  // The editor lives as long as its element: Preview unmounts it, Write mounts a new one.
  const mount = useCallback(
    (parent: HTMLDivElement | null) => {
      if (!parent || !awareness) return
      const labelled: Record<string, string> = {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-label`,
      }
      if (describedBy) labelled['aria-describedby'] = describedBy
      if (error) labelled['aria-invalid'] = 'true'
      let editor: EditorView | null = null
      const open = () => {
        editor = new EditorView({
          parent,
          state: EditorState.create({
            doc: text.toString(),
            extensions: [
              // Tab moves focus on (no keyboard trap): neither keymap binds it.
              keymap.of([
                { key: 'Mod-Alt-m', run: requestComment },
                // Markdown lists and quotes go on with Enter.
                { key: 'Enter', run: continueMarkup },
                ...yUndoManagerKeymap,
                ...defaultKeymap,
              ]),
              EditorView.lineWrapping,
              EditorView.editable.of(!readOnly),
              EditorState.readOnly.of(readOnly),
              EditorView.contentAttributes.of(labelled),
              theme,
              yCollab(text, awareness, { undoManager }),
              commentHighlights,
              highlightTheme,
              EditorView.updateListener.of((update) => {
                if (update.selectionSet || update.docChanged) setSelected(!update.state.selection.main.empty)
              }),
            ],
          }),
        })
        view.current = editor
        const marks = latest.current?.highlights?.()
        if (marks?.length)
          queueMicrotask(() => {
            marked.set(editor!, JSON.stringify(marks))
            editor!.dispatch({ effects: setHighlights.of(marks) })
          })
        else marked.set(editor, '[]')
        return editor
      }
      const close = () => {
        if (!editor) return
        if (view.current === editor) view.current = null
        editor.destroy()
      }

      const field = handedOver.current ? null : parent.querySelector('textarea')
      if (!field) {
        open()
        return close
      }
      const typing = (plainTyping.current ??= followPlainField(text, {
        rendered,
        shown: field.defaultValue,
        origin: LOCAL_EDIT,
      }))
      const merge = () => typing.merge(field.value)
      // The plain field gives way, its typing merged.
      const retire = () => {
        merge()
        typing.stop()
        handedOver.current = true
        // Gone at once, not when React next renders: the page has one field by its name.
        field.remove()
        setLive(true)
      }
      const takeOver = () => {
        release()
        const focused = document.activeElement === field
        const { selectionStart, selectionEnd } = field
        retire()
        const opened = open()
        if (!focused) return
        const at = (offset: number) => Math.min(offset, opened.state.doc.length)
        opened.focus()
        opened.dispatch({ selection: { anchor: at(selectionStart), head: at(selectionEnd) } })
      }
      const release = handOverWhenQuiet(field, { merge, takeOver })
      return () => {
        release()
        if (!handedOver.current) retire()
        close()
      }
    },
    [id, text, awareness, undoManager, readOnly, describedBy, error, requestComment, rendered],
  )

  return (
    <Field id={id} label={label} hint={hint} error={error} labelId={`${id}-label`}>
      {() => (
        <WriteOrPreview preview={<SharedPreview text={text} />}>
          <>
            <div
              ref={mount}
              data-invalid={error ? true : undefined}
              style={{ minHeight: `${rows * 1.5 + 1}rem` }}
              className="rounded-md border border-input bg-background focus-within:ring-2 focus-within:ring-ring data-invalid:border-destructive [&_.cm-editor]:min-h-[inherit]"
            >
              {live ? null : <div className="contents" dangerouslySetInnerHTML={{ __html: plain }} />}
            </div>
            {comments ? (
              <div className="flex justify-end">
                {/* After the editor: select with Shift+arrows, Tab here (or Ctrl/Cmd+Alt+M). */}
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  disabled={!selected}
                  // Every long text has one, described by its field's label: in its name, the
                  // field's label would make the field itself ambiguous to find by its label.
                  aria-describedby={`${id}-label`}
                  aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={requestComment}
                >
                  <MessageSquarePlus aria-hidden />
                  {t('commentOnSelection')}
                </Button>
              </div>
            ) : null}
          </>
        </WriteOrPreview>
      )}
    </Field>
  )
})
