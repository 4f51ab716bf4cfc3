import * as Y from 'yjs'
import { documentTextFields } from '@/server/postmortems/document-values'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { keysBetween } from './position-keys'

/*
 * The shared (Yjs) form of a postmortem document (decision 019). Every part has a top-level
 * name, so two replicas that start a part at the same time never fight over who created it:
 *   - long text fields: one Y.Text each, named after the field (what an editor binds to);
 *   - scalars (title, severity, dates, category, kind, metric): the Y.Map "scalars", last
 *     writer wins per field;
 *   - tags, services and contributing factors (by id): a Y.Map each, used as a set (key → true), so two people adding a tag
 *     at once both keep theirs;
 *   - lists: a Y.Map each, item id → item Y.Map holding its order key ("position", see
 *     position-keys.ts), its text fields as Y.Text and its other fields as values. Keyed by id,
 *     a moved item keeps its identity and whatever is being typed into it.
 * No server-only: the browser's editor reads and writes the same shape.
 */

export const textFields = documentTextFields

export const scalarFields = [
  'title',
  'severity',
  'launchId',
  'occurredAt',
  'detectedAt',
  'resolvedAt',
  'rootCauseCategory',
  'resolutionKind',
  'metric',
] as const satisfies readonly (keyof PostmortemDocument)[]

export const setFields = [
  'tags',
  'services',
  'factors',
] as const satisfies readonly (keyof PostmortemDocument)[]

export type ListField = 'hypotheses' | 'timeline' | 'openQuestions' | 'lessons' | 'actionItems'
export type ListItem<List extends ListField> = PostmortemDocument[List][number]

/** Each list's item fields: which are texts (Y.Text), which are plain values. */
export const itemFields = {
  hypotheses: { texts: ['statement', 'evidence'], values: ['status'] },
  timeline: { texts: ['text'], values: ['at', 'kind', 'hypothesisId'] },
  openQuestions: { texts: ['text', 'answer'], values: [] },
  lessons: { texts: ['text'], values: [] },
  actionItems: { texts: ['title'], values: ['ownerId', 'dueDate', 'status', 'link'] },
} as const satisfies {
  [List in ListField]: {
    texts: readonly Exclude<keyof ListItem<List>, 'id'>[]
    values: readonly Exclude<keyof ListItem<List>, 'id'>[]
  }
}

export const listFields = Object.keys(itemFields) as ListField[]

export type TextField = (typeof textFields)[number]
export type ScalarField = (typeof scalarFields)[number]
export type SetField = (typeof setFields)[number]

/** The key of an item's order in its Y.Map. */
export const POSITION = 'position'

export const scalarsOf = (ydoc: Y.Doc) => ydoc.getMap<unknown>('scalars')
export const textOf = (ydoc: Y.Doc, field: TextField) => ydoc.getText(field)
export const setOf = (ydoc: Y.Doc, field: SetField) => ydoc.getMap<true>(field)
export const listOf = (ydoc: Y.Doc, field: ListField) => ydoc.getMap<Y.Map<unknown>>(field)

/** A new item's Y.Map, to be put into its list. */
export function newItem<List extends ListField>(list: List, item: ListItem<List>, position: string) {
  const map = new Y.Map<unknown>()
  map.set(POSITION, position)
  const fields = itemFields[list] as { texts: readonly string[]; values: readonly string[] }
  const values = item as Record<string, unknown>
  for (const field of fields.values) map.set(field, values[field] ?? null)
  for (const field of fields.texts) map.set(field, new Y.Text(String(values[field] ?? '')))
  return map
}

/** A Y.Doc holding the document: what a postmortem without stored updates starts from. */
export function toYDoc(document: PostmortemDocument, ydoc: Y.Doc = new Y.Doc()): Y.Doc {
  ydoc.transact(() => {
    const scalars = scalarsOf(ydoc)
    for (const field of scalarFields) scalars.set(field, document[field])
    for (const field of textFields) if (document[field]) textOf(ydoc, field).insert(0, document[field])
    for (const field of setFields) for (const name of document[field]) setOf(ydoc, field).set(name, true)
    for (const list of listFields) {
      const items: readonly ListItem<ListField>[] = document[list]
      const keys = keysBetween('', null, items.length)
      const map = listOf(ydoc, list)
      items.forEach((item, index) => map.set(item.id, newItem(list, item, keys[index]!)))
    }
  })
  return ydoc
}

const textValue = (value: unknown) => (value instanceof Y.Text ? value.toString() : '')
/** Plain string order, as `postmortemDocument` sorts tags and as order keys compare. */
const stringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A list's items in order: by order key, then by id when two replicas chose the same key. */
export function orderedItems(ydoc: Y.Doc, list: ListField): [string, Y.Map<unknown>][] {
  const position = (map: Y.Map<unknown>) => String(map.get(POSITION) ?? '')
  return [...listOf(ydoc, list).entries()]
    .filter((entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map)
    .sort(([idA, a], [idB, b]) => stringOrder(position(a), position(b)) || stringOrder(idA, idB))
}

function readItem(list: ListField, id: string, map: Y.Map<unknown>) {
  const fields = itemFields[list] as { texts: readonly string[]; values: readonly string[] }
  const item: Record<string, unknown> = { id }
  for (const field of fields.values) item[field] = map.get(field) ?? null
  for (const field of fields.texts) item[field] = textValue(map.get(field))
  return item
}

/**
 * The document a Y.Doc holds now. Its values come from clients: check it with
 * `postmortemDocument` before writing it anywhere.
 */
export function readDocument(ydoc: Y.Doc): PostmortemDocument {
  const scalars = scalarsOf(ydoc)
  const document: Record<string, unknown> = {}
  for (const field of scalarFields) document[field] = scalars.get(field) ?? null
  for (const field of textFields) document[field] = textOf(ydoc, field).toString()
  for (const field of setFields) document[field] = [...setOf(ydoc, field).keys()].sort(stringOrder)
  for (const list of listFields)
    document[list] = orderedItems(ydoc, list).map(([id, map]) => readItem(list, id, map))
  return document as PostmortemDocument
}
