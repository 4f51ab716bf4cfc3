import escapeHtml from 'escape-html'
import * as Y from 'yjs'

/*
 * A long text's plain field: what the page's HTML has in the editor's place until the editor has
 * loaded (a textarea holding the text), and how what is typed into it reaches the shared text.
 */

/** A passage replaced: `remove` characters at `at` gave way to `insert`. */
export type Passage = { at: number; remove: number; insert: string }

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff

/**
 * What changed from `before` to `after`, as one passage replaced: the text both start with and
 * the text both end with are kept. A character of two UTF-16 units (an emoji) is never split.
 */
export function changedPassage(before: string, after: string): Passage | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--
  let end = 0
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

function replace(text: Y.Text, { at, remove, insert }: Passage) {
  const length = text.length
  const from = Math.min(at, length)
  text.delete(from, Math.min(remove, length - from))
  text.insert(from, insert)
}

/**
 * Follows a long text's plain field, the one its page's HTML has until the editor has loaded:
 * each call with the field's text now makes what changed since the last call (or since `shown`,
 * the text the page was rendered with) part of the shared text. The changes are made as edits
 * from `rendered`, the shared state the page was rendered from, so whatever reached the shared
 * text meanwhile (this browser's own copy, the others' typing from the socket) merges with them
 * as anyone's concurrent typing does, however long the field was typed in. Without that state,
 * they are applied to the text as it is now, where they were made. Nothing typed is dropped.
 */
export function followPlainField(
  text: Y.Text,
  { rendered, shown, origin }: { rendered: Uint8Array | null; shown: string; origin: unknown },
) {
  const ydoc = text.doc
  const name = ydoc ? [...ydoc.share].find(([, type]) => (type as unknown) === text)?.[0] : undefined
  // The rendered state's copy of the text, made at the first change (seven fields decoded the
  // whole state as the page hydrated, typed into or not). Null without it, or when the field did
  // not show it: where a change was made would mean nothing there.
  let base: Y.Text | null | undefined
  const shownText = () => {
    if (base !== undefined) return base
    base = null
    if (!rendered || name === undefined) return base
    const doc = new Y.Doc()
    Y.applyUpdate(doc, rendered)
    if (doc.getText(name).toString() === shown) base = doc.getText(name)
    else doc.destroy()
    return base
  }
  let last = shown
  return {
    /** Merges the field's text as it is now. */
    merge(now: string) {
      const passage = changedPassage(last, now)
      last = now
      if (!passage || !ydoc) return
      const copy = shownText()
      if (copy) {
        const from = Y.encodeStateVector(copy.doc!)
        replace(copy, passage)
        Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(copy.doc!, from), origin)
      } else ydoc.transact(() => replace(text, passage), origin)
    },
    /**
     * Where an offset in the field (its caret, say) is in the shared text now, with what reached
     * it meanwhile before or after it.
     */
    offsetInText(offset: number) {
      const copy = shownText()
      const at = copy
        ? Y.createAbsolutePositionFromRelativePosition(
            Y.createRelativePositionFromTypeIndex(copy, offset),
            ydoc!,
          )?.index
        : undefined
      return Math.min(at ?? offset, text.length)
    },
    /** Once the editor has taken over. */
    stop() {
      base?.doc?.destroy()
    },
  }
}

/**
 * A long text's field before its editor has mounted, as HTML: sized and spaced like the editor,
 * so that nothing moves when the editor takes its place. Marked for the form's own undo to leave
 * it alone (its typing is not in the shared text yet).
 */
export function plainField({
  id,
  describedBy,
  error,
  text,
}: {
  id: string
  describedBy: string
  error?: string
  text: string
}) {
  const attributes = [
    `id="${escapeHtml(id)}"`,
    `aria-labelledby="${escapeHtml(id)}-label"`,
    describedBy ? `aria-describedby="${escapeHtml(describedBy)}"` : '',
    error ? 'aria-invalid="true"' : '',
    'data-before-editor',
    'spellcheck="false"',
    // Not restored by the browser on Back or reload: a restored value would read as typing.
    'autocomplete="off"',
    'class="block min-h-[inherit] w-full resize-none bg-transparent px-3 py-2 text-sm/normal outline-none field-sizing-content"',
  ]
  // A first line break of a textarea's HTML is dropped: the one added here, not the text's.
  return `<textarea ${attributes.filter(Boolean).join(' ')}>\n${escapeHtml(text)}</textarea>`
}

/** How long the plain field waits, while someone types in it, before its editor takes over. */
const QUIET_MS = 1000

/**
 * Merges what is typed into the plain field as it is typed (`merge`), from now on, and calls
 * `takeOver` with the editor's module once it has loaded (`editor`) and the field can be taken
 * away: when no one is in it, else when it loses the focus or the typing has paused, and never in
 * the middle of an input method's composition (a Chinese word being spelled). Not before the
 * next task: a press on the field before the page had loaded hydrates its section in the press's
 * own event, and the field taken away then would leave the focus on the page instead of in it. A
 * module that does not load leaves the plain field, its typing still saved. Returns how to stop.
 */
export function handOverWhenQuiet<Editor>(
  field: HTMLTextAreaElement,
  {
    editor,
    merge,
    takeOver,
  }: { editor: Promise<Editor> | null; merge: () => void; takeOver: (editor: Editor) => void },
) {
  let loaded: { editor: Editor } | null = null
  let composing = false
  let quiet = false
  let stopped = false
  let started = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const attempt = () => {
    if (stopped || !started || !loaded || composing) return
    if (document.activeElement === field && !quiet) return
    stop()
    takeOver(loaded.editor)
  }
  const active = () => {
    quiet = false
    clearTimeout(timer)
    timer = setTimeout(() => {
      quiet = true
      attempt()
    }, QUIET_MS)
  }
  const onInput = (event: Event) => {
    composing = (event as InputEvent).isComposing
    if (!composing) merge()
    active()
  }
  const onCompositionStart = () => {
    composing = true
    active()
  }
  const onCompositionEnd = () => {
    composing = false
    merge()
    active()
  }
  const onBlur = () => {
    quiet = true
    attempt()
  }
  const listeners = [
    ['input', onInput],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
    ['keydown', active],
    ['pointerdown', active],
    ['blur', onBlur],
  ] as const
  for (const [type, listener] of listeners) field.addEventListener(type, listener)
  const first = setTimeout(() => {
    started = true
    // What was typed while the page's script loaded.
    merge()
    active()
    attempt()
  })
  void editor?.then(
    (module) => {
      loaded = { editor: module }
      attempt()
    },
    () => {},
  )
  const stop = () => {
    stopped = true
    clearTimeout(first)
    clearTimeout(timer)
    for (const [type, listener] of listeners) field.removeEventListener(type, listener)
  }
  return stop
}
