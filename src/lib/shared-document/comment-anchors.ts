import * as Y from 'yjs'
import { fromBase64, isListTextField, toBase64, type CommentField } from '@/server/comments/comment-fields'
import { listOf, textOf, type ListField } from './postmortem-ydoc'

/*
 * A comment thread's anchor (decision 024): the passage's start and end as Yjs relative
 * positions in its field's Y.Text. A relative position names the character it sits next to, not
 * an offset, so the passage follows whatever anyone types before or inside it; when all of its
 * text is deleted the two ends meet and the thread shows its quote instead.
 */

export type Anchor = { field: CommentField; itemId: string | null }

/** The Y.Text a thread's field names (a list item's text when it has an item), if it exists. */
export function textOfAnchor(ydoc: Y.Doc, { field, itemId }: Anchor): Y.Text | null {
  if (!isListTextField(field)) return textOf(ydoc, field)
  const [list, name] = field.split('.') as [ListField, string]
  const text = itemId ? listOf(ydoc, list).get(itemId)?.get(name) : null
  return text instanceof Y.Text ? text : null
}

/** The anchors of the passage [from, to) of `text`, as the server stores them (base64). */
export function encodeAnchors(text: Y.Text, from: number, to: number) {
  const encode = (index: number, assoc: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)))
  // The start sticks to the character after it and the end to the one before it: text typed
  // at either edge stays outside the passage.
  return { anchorStart: encode(from, 0), anchorEnd: encode(to, -1) }
}

/** Where the passage is now, or null when its text is gone (or the field no longer exists). */
export function passageRange(
  ydoc: Y.Doc,
  anchor: Anchor & { anchorStart: string; anchorEnd: string },
): { from: number; to: number } | null {
  const text = textOfAnchor(ydoc, anchor)
  if (!text) return null
  const at = (encoded: string) => {
    try {
      const position = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(fromBase64(encoded)),
        ydoc,
      )
      return position && position.type === text ? position.index : null
    } catch {
      return null
    }
  }
  const from = at(anchor.anchorStart)
  const to = at(anchor.anchorEnd)
  if (from === null || to === null || to <= from) return null
  return { from, to }
}
