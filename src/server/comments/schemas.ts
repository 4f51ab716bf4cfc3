import { z } from 'zod'
import { storedText } from '../stored-text'
import { documentTextFields } from '../postmortems/schemas'

/*
 * Comment threads (decision 024). Plain zod: the comment forms import it; messages are i18n
 * keys under `Validation`.
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

const base64 = z
  .string()
  .min(1, 'required')
  .max(Math.ceil(COMMENT_LIMITS.anchor / 3) * 4, 'tooLong')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'invalidAnchor')

const commentBody = storedText().trim().min(1, 'required').max(COMMENT_LIMITS.body, 'tooLong')

/** Mention ids as a JSON array, or comma-separated from a form's hidden input. */
const mentions = z.preprocess(
  (value) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value === undefined ? [] : value,
  z.array(z.string().min(1).max(200)).max(COMMENT_LIMITS.mentions, 'tooMany'),
)

export const commentInput = z.object({ body: commentBody, mentions })
export type CommentInput = z.infer<typeof commentInput>

export const createThreadInput = commentInput
  .extend({
    field: z.enum(commentFields, 'invalidChoice'),
    itemId: z.preprocess((v) => (v === '' ? null : v), z.uuid('invalidId').nullable().default(null)),
    anchorStart: base64,
    anchorEnd: base64,
    quote: storedText().trim().min(1, 'required').max(COMMENT_LIMITS.quote, 'tooLong'),
  })
  .refine((input) => isListTextField(input.field) === (input.itemId !== null), {
    message: 'invalidAnchor',
    path: ['itemId'],
  })
export type CreateThreadInput = z.infer<typeof createThreadInput>

export const resolveThreadInput = z.object({ resolved: z.boolean() })
export type ResolveThreadInput = z.infer<typeof resolveThreadInput>

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
