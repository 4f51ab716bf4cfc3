'use client'

import { defaultKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Field } from '@/components/ui/field'
import { Markdown } from '@/components/ui/markdown'

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
  const t = useTranslations('PostmortemEditor')
  const [preview, setPreview] = useState(false)
  const parent = useRef<HTMLDivElement>(null)
  const [value, setValue] = useState(() => text.toString())

  const describedBy = [hint && !error && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')

  useEffect(() => {
    if (preview || !parent.current || !awareness) return
    const labelled: Record<string, string> = {
      id,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': `${id}-label`,
    }
    if (describedBy) labelled['aria-describedby'] = describedBy
    if (error) labelled['aria-invalid'] = 'true'
    const view = new EditorView({
      parent: parent.current,
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
          placeholderText(''),
          theme,
          yCollab(text, awareness, { undoManager }),
        ],
      }),
    })
    return () => view.destroy()
  }, [preview, id, text, awareness, undoManager, readOnly, describedBy, error])

  useEffect(() => {
    const read = () => setValue(text.toString())
    text.observe(read)
    return () => text.unobserve(read)
  }, [text])

  return (
    <Field id={id} label={label} hint={hint} error={error} labelId={`${id}-label`}>
      {() => (
        <div className="grid gap-1">
          <div role="group" className="flex justify-end gap-1 text-xs">
            {(['write', 'preview'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={(mode === 'preview') === preview}
                onClick={() => setPreview(mode === 'preview')}
                className="rounded px-2 py-0.5 text-muted-foreground hover:bg-muted aria-pressed:bg-muted aria-pressed:text-foreground"
              >
                {t(mode)}
              </button>
            ))}
          </div>
          {preview ? (
            <div className="min-h-20 rounded-md border border-border bg-card px-3 py-2">
              {value.trim() ? (
                <Markdown>{value}</Markdown>
              ) : (
                <p className="text-sm text-muted-foreground">{t('previewEmpty')}</p>
              )}
            </div>
          ) : (
            <div
              ref={parent}
              data-invalid={error ? true : undefined}
              style={{ minHeight: `${rows * 1.5 + 1}rem` }}
              className="rounded-md border border-input bg-background focus-within:ring-2 focus-within:ring-ring data-invalid:border-destructive [&_.cm-editor]:min-h-[inherit]"
            />
          )}
        </div>
      )}
    </Field>
  )
}
