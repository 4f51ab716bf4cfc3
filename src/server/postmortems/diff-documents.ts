import { documentTextFields, type PostmortemDocument } from './schemas'

export type DocumentField = keyof PostmortemDocument

/** The fields in the order the editor shows them. */
export const documentFields = [
  'title',
  'severity',
  'launchId',
  'occurredAt',
  'detectedAt',
  'resolvedAt',
  'tags',
  'services',
  'factors',
  'summary',
  'detection',
  'symptom',
  'impact',
  'hypotheses',
  'timeline',
  'rootCause',
  'rootCauseCategory',
  'resolution',
  'resolutionKind',
  'verification',
  'metric',
  'openQuestions',
  'lessons',
  'actionItems',
] as const satisfies readonly DocumentField[]

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The fields whose values differ between two documents. */
export function changedFields(a: PostmortemDocument, b: PostmortemDocument): DocumentField[] {
  return documentFields.filter((field) => !same(a[field], b[field]))
}

type ListField = 'hypotheses' | 'timeline' | 'openQuestions' | 'lessons' | 'actionItems'
const listFields = new Set<DocumentField>([
  'hypotheses',
  'timeline',
  'openQuestions',
  'lessons',
  'actionItems',
])
const textFields = new Set<DocumentField>(documentTextFields)
const setFields = new Set<DocumentField>(['tags', 'services', 'factors'])

export function canKeepBoth(field: DocumentField) {
  return listFields.has(field) || textFields.has(field) || setFields.has(field)
}

/**
 * Both people's edits of one field: texts one after the other (theirs first), lists as the
 * union by item id (mine wins for an item both changed), tags, services and factors as the union.
 */
export function keepBoth<F extends DocumentField>(
  field: F,
  mine: PostmortemDocument,
  theirs: PostmortemDocument,
) {
  if (textFields.has(field)) {
    const [a, b] = [String(theirs[field]).trim(), String(mine[field]).trim()]
    return (a && b && a !== b ? `${a}\n\n${b}` : a || b) as PostmortemDocument[F]
  }
  if (setFields.has(field)) {
    const key = field as 'tags' | 'services' | 'factors'
    return [...new Set([...theirs[key], ...mine[key]])] as PostmortemDocument[F]
  }
  if (listFields.has(field)) {
    const key = field as ListField
    const mineById = new Map(mine[key].map((item) => [item.id, item]))
    const merged = theirs[key].map((item) => mineById.get(item.id) ?? item)
    const seen = new Set(merged.map((item) => item.id))
    return [...merged, ...mine[key].filter((item) => !seen.has(item.id))] as PostmortemDocument[F]
  }
  return mine[field]
}
