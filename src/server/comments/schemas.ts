import { z } from 'zod'
import { storedText } from '../stored-text'
import { COMMENT_LIMITS, commentFields, isListTextField } from './comment-fields'

export {
  COMMENT_LIMITS,
  commentFields,
  fromBase64,
  isListTextField,
  listTextFields,
  toBase64,
  type CommentField,
} from './comment-fields'

/*
 * Comment threads (decision 024): what the server accepts. Messages are i18n keys under
 * `Validation`. The browser reads the fields and limits from comment-fields.ts, without zod.
 */

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
