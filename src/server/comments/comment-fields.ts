import { documentTextFields } from '../postmortems/document-values'

/*
 * What a comment thread may be anchored to, its limits and how its anchors travel, without zod:
 * the comment forms and the editor in the browser read them (decision 060).
 */

export const COMMENT_LIMITS = {
  body: 5_000,
  quote: 1_000,
  /** An encoded Yjs relative position is a few dozen bytes; this bounds what a client may send. */
  anchor: 512,
  mentions: 20,
} as const

/** List texts a thread may be anchored to, as "<list>.<field>" (an item id goes with them). */
export const listTextFields = [
  'hypotheses.statement',
  'hypotheses.evidence',
  'timeline.text',
  'openQuestions.text',
  'openQuestions.answer',
  'lessons.text',
  'actionItems.title',
] as const
export const commentFields = [...documentTextFields, ...listTextFields] as const
export type CommentField = (typeof commentFields)[number]
export const isListTextField = (field: string): field is (typeof listTextFields)[number] =>
  (listTextFields as readonly string[]).includes(field)

/** Base64 of bytes, in the browser and on the server alike (anchors travel as text). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
