import { z } from 'zod'
import { storedText } from '../stored-text'
import { auditActions } from './actions'

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .optional()
  .or(z.literal('').transform(() => undefined))

/** The filters of the audit log page and its export (query string values). */
export const auditFilterInput = z.object({
  action: z
    .enum(auditActions)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Part of the actor's name or e-mail. */
  who: storedText().trim().max(200, 'tooLong').optional(),
  /** First and last day, inclusive, in UTC. */
  from: day,
  to: day,
})
export type AuditFilter = z.infer<typeof auditFilterInput>
