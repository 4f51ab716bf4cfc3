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
  let base: Y.Doc | null = null
  if (rendered && name !== undefined) {
    base = new Y.Doc()
    Y.applyUpdate(base, rendered)
    // Only the state the field showed: else where a change was made means nothing there.
    if (base.getText(name).toString() !== shown) {
      base.destroy()
      base = null
    }
  }
  let last = shown
  return {
    /** Merges the field's text as it is now. */
    merge(now: string) {
      const passage = changedPassage(last, now)
      last = now
      if (!passage || !ydoc) return
      if (base && name !== undefined) {
        const from = Y.encodeStateVector(base)
        replace(base.getText(name), passage)
        Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(base, from), origin)
      } else ydoc.transact(() => replace(text, passage), origin)
    },
    /** Once the editor has taken over. */
    stop() {
      base?.destroy()
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
  readOnly,
  text,
}: {
  id: string
  describedBy: string
  error?: string
  readOnly: boolean
  text: string
}) {
  const attributes = [
    `id="${escapeHtml(id)}"`,
    `aria-labelledby="${escapeHtml(id)}-label"`,
    describedBy ? `aria-describedby="${escapeHtml(describedBy)}"` : '',
    error ? 'aria-invalid="true"' : '',
    readOnly ? 'readonly' : '',
    'data-before-editor',
    'spellcheck="false"',
    'class="block min-h-[inherit] w-full resize-none bg-transparent px-3 py-2 text-sm/normal outline-none field-sizing-content"',
  ]
  // A first line break of a textarea's HTML is dropped: the one added here, not the text's.
  return `<textarea ${attributes.filter(Boolean).join(' ')}>\n${escapeHtml(text)}</textarea>`
}

/** How long the plain field waits, while someone types in it, before its editor takes over. */
const QUIET_MS = 1000

/**
 * Calls `takeOver` in the next task, unless someone is in the field by then. Then what they
 * typed is merged (`merge`) as they type, and the editor takes over when the field loses the
 * focus, or once the typing has paused, but not in the middle of an input method's composition
 * (a Chinese word being spelled), which taking the field away would break. Not at once: a press
 * on the field before the page had loaded hydrates its section in the press's own event, and
 * the field taken away then would leave the focus on the page instead of in it. Returns how to
 * stop.
 */
export function handOverWhenQuiet(
  field: HTMLTextAreaElement,
  { merge, takeOver }: { merge: () => void; takeOver: () => void },
) {
  let composing = false
  const wait = () => {
    clearTimeout(timer)
    timer = setTimeout(() => composing || takeOver(), QUIET_MS)
  }
  const onInput = (event: Event) => {
    composing = (event as InputEvent).isComposing
    if (!composing) merge()
    wait()
  }
  const onCompositionStart = () => (composing = true)
  const onCompositionEnd = () => {
    composing = false
    merge()
    wait()
  }
  const watching = ['keydown', 'pointerdown'] as const
  let timer = setTimeout(() => {
    if (document.activeElement !== field) return takeOver()
    // What was typed while the page's script loaded.
    merge()
    field.addEventListener('input', onInput)
    for (const type of watching) field.addEventListener(type, wait)
    field.addEventListener('compositionstart', onCompositionStart)
    field.addEventListener('compositionend', onCompositionEnd)
    field.addEventListener('blur', takeOver)
    wait()
  })
  return () => {
    clearTimeout(timer)
    field.removeEventListener('input', onInput)
    for (const type of watching) field.removeEventListener(type, wait)
    field.removeEventListener('compositionstart', onCompositionStart)
    field.removeEventListener('compositionend', onCompositionEnd)
    field.removeEventListener('blur', takeOver)
  }
}
