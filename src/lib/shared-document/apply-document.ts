import { diffChars } from 'diff'
import * as Y from 'yjs'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { isPositionKey, keysBetween } from './position-keys'
import {
  itemFields,
  listFields,
  listOf,
  newItem,
  POSITION,
  scalarFields,
  scalarsOf,
  setFields,
  setOf,
  textFields,
  textOf,
  type ListField,
  type ListItem,
} from './postmortem-ydoc'

/*
 * A whole document (what the JSON API's PUT sends) applied to a Y.Doc as the smallest change
 * that makes the Y.Doc read as that document, in one transaction: only the characters that
 * differ are deleted or inserted, list items are matched by id, values are set only when they
 * differ. What the change does not touch — the rest of a text, other items, other fields —
 * keeps what others are typing at the same time (decision 019).
 */
export function applyDocument(ydoc: Y.Doc, document: PostmortemDocument, origin: unknown = null) {
  ydoc.transact(() => {
    const scalars = scalarsOf(ydoc)
    for (const field of scalarFields)
      if (!sameValue(scalars.get(field), document[field])) scalars.set(field, document[field])
    for (const field of textFields) updateText(textOf(ydoc, field), document[field])
    for (const field of setFields) updateSet(setOf(ydoc, field), document[field])
    for (const list of listFields) updateList(ydoc, list, document[list])
  }, origin)
}

/**
 * A document based on an earlier state of the Y.Doc (what a script read before it PUT): its
 * changes from that state, not from now, are merged in. Text others typed since stays even
 * where the document still holds the older text; applied to now, it would be deleted.
 * Needs a Y.Doc that keeps deleted content (`gc: false`) to rebuild the earlier state.
 */
export function applyDocumentSince(
  ydoc: Y.Doc,
  base: Y.Snapshot,
  document: PostmortemDocument,
  origin: unknown = null,
) {
  const then = Y.createDocFromSnapshot(ydoc, base)
  const before = Y.encodeStateVector(then)
  applyDocument(then, document)
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(then, before), origin)
}

/** Whether the Y.Doc holds everything the snapshot's state was made of (and can rebuild it). */
export function holdsState(ydoc: Y.Doc, state: Y.Snapshot): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(ydoc))
  return [...state.sv].every(([client, clock]) => (known.get(client) ?? 0) >= clock)
}

/** Values are strings, null or the metric (an object of strings in a fixed order). */
const sameValue = (stored: unknown, value: unknown) =>
  (stored ?? null) === value || JSON.stringify(stored ?? null) === JSON.stringify(value)

/**
 * Past this many changed characters the differing middle is replaced whole. The diff's cost
 * grows with text length × this bound: at 200, two 10,000-character texts that differ
 * everywhere take ~20 ms to give up (at 2,000, ~800 ms, with the event loop blocked).
 */
const MAX_EDIT_LENGTH = 200

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

export function updateText(text: Y.Text, next: string) {
  const current = text.toString()
  if (current === next) return
  const shorter = Math.min(current.length, next.length)
  let start = 0
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++
  let end = 0
  while (
    end < shorter - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  )
    end++
  // Never split an emoji (a surrogate pair): half of one is not text.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--
  const removed = current.slice(start, current.length - end)
  const inserted = next.slice(start, next.length - end)
  // Within the middle, a character diff keeps what is unchanged between two changes, and with
  // it what someone is typing there.
  const changes = diffChars(removed, inserted, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: removed, removed: true, added: false },
    { value: inserted, removed: false, added: true },
  ]
  let index = start
  for (const change of changes) {
    if (!change.value) continue
    if (change.added) {
      text.insert(index, change.value)
      index += change.value.length
    } else if (change.removed) text.delete(index, change.value.length)
    else index += change.value.length
  }
}

function updateSet(set: Y.Map<true>, names: readonly string[]) {
  const wanted = new Set(names)
  for (const name of [...set.keys()]) if (!wanted.has(name)) set.delete(name)
  for (const name of names) if (!set.has(name)) set.set(name, true)
}

function updateList<List extends ListField>(ydoc: Y.Doc, list: List, items: readonly ListItem<List>[]) {
  const map = listOf(ydoc, list)
  const wanted = new Set(items.map((item) => item.id))
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id)
  const positions = placeItems(
    items.map((item) => {
      const existing = map.get(item.id)
      const key = existing instanceof Y.Map ? existing.get(POSITION) : null
      return isPositionKey(key) ? key : null
    }),
  )
  items.forEach((item, index) => {
    const position = positions[index]!
    const existing = map.get(item.id)
    if (existing instanceof Y.Map) {
      if (existing.get(POSITION) !== position) existing.set(POSITION, position)
      updateItem(list, existing, item)
    } else map.set(item.id, newItem(list, item, position))
  })
}

function updateItem<List extends ListField>(list: List, map: Y.Map<unknown>, item: ListItem<List>) {
  const fields = itemFields[list] as { texts: readonly string[]; values: readonly string[] }
  const values = item as Record<string, unknown>
  for (const field of fields.values)
    if (!sameValue(map.get(field), values[field] ?? null)) map.set(field, values[field] ?? null)
  for (const field of fields.texts) {
    const text = map.get(field)
    const next = String(values[field] ?? '')
    if (text instanceof Y.Text) updateText(text, next)
    else map.set(field, new Y.Text(next))
  }
}

/**
 * Order keys for items in the document's order. The items whose keys are already in that
 * order (the longest such run) keep them; the others — new or moved — get keys between
 * their neighbours.
 */
export function placeItems(keys: readonly (string | null)[]): string[] {
  const kept = longestIncreasing(keys)
  const positions: string[] = []
  for (let i = 0; i < keys.length;) {
    if (kept.has(i)) {
      positions[i] = keys[i]!
      i++
      continue
    }
    let j = i
    while (j < keys.length && !kept.has(j)) j++
    const fresh = keysBetween(i > 0 ? positions[i - 1]! : '', j < keys.length ? keys[j]! : null, j - i)
    fresh.forEach((key, n) => (positions[i + n] = key))
    i = j
  }
  return positions
}

/** The indexes of a longest strictly increasing run of keys (patience sorting; nulls never in it). */
function longestIncreasing(keys: readonly (string | null)[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = keys.map(() => -1)
  keys.forEach((key, i) => {
    if (key === null) return
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (keys[tails[middle]!]! < key) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[i] = tails[low - 1]!
    tails[low] = i
  })
  const run = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) run.add(i)
  return run
}
