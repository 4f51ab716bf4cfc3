import { z } from 'zod'
import { launchStatuses } from '../launches/launch-status'
import { storedText } from '../stored-text'
import { checkStatuses } from './check-statuses'

export { checkStatuses, type CheckStatus } from './check-statuses'

export const LIMITS = { subChecks: 500, subCheckLabel: 300, items: 300 } as const

const text = (max: number) => storedText().trim().min(1, 'required').max(max, 'tooLong')
const optionalText = (max: number) => storedText().trim().max(max, 'tooLong').default('')
/** A checkbox in a form posts "on" or nothing; JSON may send a boolean. */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

export const templateInput = z.object({
  name: text(120),
  description: optionalText(2_000),
})
export type TemplateInput = z.infer<typeof templateInput>

export const itemInput = z.object({
  text: text(500),
  rationale: optionalText(4_000),
  category: optionalText(60),
  required: checkbox,
})
export type ItemInput = z.infer<typeof itemInput>

export const lessonItemInput = itemInput.extend({
  templateId: storedText().trim().min(1, 'required').max(60),
})
export type LessonItemInput = z.infer<typeof lessonItemInput>

export const reorderInput = z.object({ ids: z.array(storedText().max(60)).min(1).max(LIMITS.items) })

export const checkStatusInput = z
  .object({
    status: z.enum(checkStatuses, 'required'),
    evidence: optionalText(4_000),
    waiverReason: optionalText(2_000),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'PASS' && !v.evidence)
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'evidenceRequired' })
    if (v.status === 'WAIVED' && !v.waiverReason)
      ctx.addIssue({ code: 'custom', path: ['waiverReason'], message: 'waiverReasonRequired' })
  })
export type CheckStatusInput = z.infer<typeof checkStatusInput>

/** One sub-check per non-empty pasted line (e.g. 70 table names), duplicates kept once. */
export const subChecksInput = z.object({
  lines: storedText()
    .max(100_000, 'tooLong')
    .transform((v) => [
      ...new Set(
        v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(storedText().max(LIMITS.subCheckLabel, 'tooLong'))
        .min(1, 'required')
        .max(LIMITS.subChecks, 'tooMany'),
    ),
})

/** A launch's move to another status, with the reason the audit log keeps. */
export const launchStatusInput = z.object({
  to: z.enum(launchStatuses),
  reason: storedText().trim().max(2_000, 'tooLong').default(''),
})
export type LaunchStatusInput = z.infer<typeof launchStatusInput>

/** Why a reviewer dismissed a proposed check or incident: required, short. */
/** Which proposal: a checklist item or a past incident, exactly one (decision 026). */
const proposalTarget = {
  checklistItemId: storedText().trim().max(60).optional(),
  postmortemNumber: z.coerce.number().int().positive().optional(),
}
const oneProposal = (v: { checklistItemId?: string; postmortemNumber?: number }) =>
  !!v.checklistItemId !== !!v.postmortemNumber
export const acceptProposalInput = z.object(proposalTarget).refine(oneProposal, { message: 'oneProposal' })
export const dismissProposalInput = z
  .object({ ...proposalTarget, reason: text(300) })
  .refine(oneProposal, { message: 'oneProposal' })
export type DismissProposalInput = z.infer<typeof dismissProposalInput>
