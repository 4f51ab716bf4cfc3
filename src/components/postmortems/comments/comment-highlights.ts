import { StateEffect, StateField, type Range } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

/*
 * The passages open comment threads are about, marked in a CodeMirror editor (decision 024).
 * The ranges come from the threads' Yjs relative positions (passageRange), recomputed whenever
 * the shared text changes; between two recomputations the marks move with the edits.
 */

export type Highlight = { id: string; from: number; to: number }

export const setHighlights = StateEffect.define<Highlight[]>()

const mark = (id: string) =>
  Decoration.mark({ class: 'cm-comment-passage', attributes: { 'data-thread': id } })

export const commentHighlights = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes)
    for (const effect of tr.effects)
      if (effect.is(setHighlights)) {
        const length = tr.state.doc.length
        const ranges: Range<Decoration>[] = effect.value
          .filter((h) => h.from < h.to && h.to <= length)
          .sort((a, b) => a.from - b.from)
          .map((h) => mark(h.id).range(h.from, h.to))
        next = Decoration.set(ranges)
      }
    return next
  },
  provide: (field) => EditorView.decorations.from(field),
})

export const highlightTheme = EditorView.baseTheme({
  '.cm-comment-passage': {
    backgroundColor: 'color-mix(in oklab, var(--color-warning) 22%, transparent)',
    borderBottom: '2px solid var(--color-warning)',
  },
})
