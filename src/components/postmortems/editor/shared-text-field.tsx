'use client'

import { defaultKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { useCallback, useEffect, useState } from 'react'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Field } from '@/components/ui/field'
import { WriteOrPreview } from './fields'

/** Looks like the app's textareas; grows with its text, wraps long lines. */
const theme = EditorView.theme({
  '&': { fontSize: '0.875rem', backgroundColor: 'transparent' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'inherit', padding: '0.5rem 0', caretColor: 'currentColor' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.5' },
  '.cm-ySelectionInfo': { fontFamily: 'inherit', fontSize: '0.75rem', opacity: '1', padding: '1px 4px' },
})

/**
 * A long text field bound to its shared text: what several people type at once merges
 * character by character, and each sees the others' cursors with their names (CodeMirror 6,
 * y-codemirror.next). Undo takes back this person's own typing only.
 */
export function SharedTextField({
  id,
  label,
  hint,
  error,
  text,
  awareness,
  undoManager,
  readOnly,
  rows = 3,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  text: Y.Text
  awareness: Awareness | null
  undoManager: Y.UndoManager
  readOnly: boolean
  rows?: number
}) {
  const [value, setValue] = useState(() => text.toString())

  const describedBy = [hint && !error && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')

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
      const view = new EditorView({
        parent,
        state: EditorState.create({
          doc: text.toString(),
          extensions: [
            // Tab moves focus on (no keyboard trap): neither keymap binds it.
            keymap.of([...yUndoManagerKeymap, ...defaultKeymap]),
            markdown(),
            EditorView.lineWrapping,
            EditorView.editable.of(!readOnly),
            EditorState.readOnly.of(readOnly),
            EditorView.contentAttributes.of(labelled),
            theme,
            yCollab(text, awareness, { undoManager }),
          ],
        }),
      })
      return () => view.destroy()
    },
    [id, text, awareness, undoManager, readOnly, describedBy, error],
  )

  useEffect(() => {
    const read = () => setValue(text.toString())
    text.observe(read)
    return () => text.unobserve(read)
  }, [text])

  return (
    <Field id={id} label={label} hint={hint} error={error} labelId={`${id}-label`}>
      {() => (
        <WriteOrPreview value={value}>
          <div
            ref={mount}
            data-invalid={error ? true : undefined}
            style={{ minHeight: `${rows * 1.5 + 1}rem` }}
            className="rounded-md border border-input bg-background focus-within:ring-2 focus-within:ring-ring data-invalid:border-destructive [&_.cm-editor]:min-h-[inherit]"
          />
        </WriteOrPreview>
      )}
    </Field>
  )
}
