'use client'

import { MessageSquarePlus } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import type { Highlight } from '../comments/comment-highlights'
import { MarkdownPreview, WriteOrPreview } from './fields'
import { followPlainField, handOverWhenQuiet, plainField } from './plain-field'
import type * as editorModule from './text-editor'
import { LOCAL_EDIT } from './use-shared-document'

type TextEditorModule = typeof editorModule
type TextEditor = editorModule.TextEditor

/**
 * The editor's module (CodeMirror, a third of the page's script), asked for as soon as this one
 * runs in the browser: it arrives while the page hydrates instead of holding the page back, and
 * the plain fields carry the text until then.
 */
const textEditor: Promise<TextEditorModule> | null =
  typeof window === 'undefined' ? null : import('./text-editor')
let loadedTextEditor: TextEditorModule | undefined
// Not loaded (the network failed): the plain fields stay, and still save what is typed.
void textEditor?.then(
  (module) => (loadedTextEditor = module),
  () => {},
)

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
  /** The shared state the page was rendered from (useSharedDocument). */
  rendered: Uint8Array
  rows?: number
  comments?: FieldComments
}) {
  const t = useTranslations('Comments')
  const view = useRef<TextEditor | null>(null)
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
        if (current) loadedTextEditor?.markPassages(current, highlights())
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
  const [plain] = useState(() => plainField({ id, describedBy, error, text: text.toString() }))
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
      let editor: TextEditor | null = null
      let gone = false
      const open = (module: TextEditorModule) => {
        editor = module.openTextEditor(parent, {
          text,
          awareness,
          undoManager,
          attributes: labelled,
          onComment: requestComment,
          onSelect: setSelected,
        })
        view.current = editor
        const marks = latest.current?.highlights?.()
        const opened = editor
        if (marks?.length) queueMicrotask(() => module.markPassages(opened, marks))
        return editor
      }
      const close = () => {
        gone = true
        if (!editor) return
        if (view.current === editor) view.current = null
        editor.destroy()
      }
      /** Runs `then` with the editor's module, once it has loaded, if the field is still here. */
      const whenLoaded = (then: (module: TextEditorModule) => void) =>
        void textEditor?.then(
          (module) => gone || then(module),
          () => {},
        )

      const field = handedOver.current ? null : parent.querySelector('textarea')
      if (!field) {
        whenLoaded(open)
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
      const release = handOverWhenQuiet(field, {
        editor: textEditor,
        merge,
        takeOver: (module) => {
          const focused = document.activeElement === field
          const { selectionStart, selectionEnd, selectionDirection } = field
          merge()
          // Where the caret was, in the text as it is now.
          const start = typing.offsetInText(selectionStart)
          const end = typing.offsetInText(selectionEnd)
          retire()
          const opened = open(module)
          if (!focused) return
          opened.focus()
          opened.dispatch({
            selection:
              selectionDirection === 'backward' ? { anchor: end, head: start } : { anchor: start, head: end },
          })
        },
      })
      return () => {
        release()
        if (!handedOver.current) retire()
        close()
      }
    },
    [id, text, awareness, undoManager, describedBy, error, requestComment, rendered],
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
