import { z } from 'zod'
import { storedText } from '../stored-text'
import { postmortemStatuses } from './postmortem-status'
import { duePolicyFields } from './due-policy-fields'
import { severities } from './severity'
import {
  actionItemStatuses,
  hypothesisStatuses,
  LIMITS,
  resolutionKinds,
  rootCauseCategories,
  timelineKinds,
} from './document-values'

export { postmortemStatuses, type PostmortemStatus } from './postmortem-status'
export { formatNumber, parsePostmortemNumber } from './postmortem-number'
export { severities, type Severity } from './severity'
export {
  hypothesisStatuses,
  timelineKinds,
  rootCauseCategories,
  resolutionKinds,
  documentTextFields,
  actionItemStatuses,
  LIMITS,
  type RootCauseCategory,
  type HypothesisStatus,
  type TimelineKind,
} from './document-values'

/*
 * The postmortem document: everything a person edits, as the editor holds it, autosaves it
 * and exports it as JSON. Messages are i18n keys under `Validation`. Its fixed values and
 * limits are in document-values.ts, which the browser reads without zod.
 */

const text = (max: number = LIMITS.text) => storedText().max(max, 'tooLong')
const id = z.uuid('invalidId')
const isoDateTime = z.iso.datetime({ offset: true, message: 'invalidDate' })
const isoDate = z.iso.date('invalidDate')
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().default(null)
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.items) =>
  z.array(item).max(max, 'tooMany').default([])

export const hypothesis = z.object({
  id,
  statement: text(LIMITS.short),
  status: z.enum(hypothesisStatuses, 'invalidChoice').default('OPEN'),
  evidence: text().default(''),
})
export type Hypothesis = z.infer<typeof hypothesis>

export const timelineEntry = z.object({
  id,
  at: nullable(isoDateTime),
  kind: z.enum(timelineKinds, 'invalidChoice'),
  text: text(),
  hypothesisId: nullable(id),
})
export type TimelineEntry = z.infer<typeof timelineEntry>

export const openQuestion = z.object({ id, text: text(LIMITS.short), answer: text().default('') })
export const lesson = z.object({ id, text: text() })
export const actionItem = z.object({
  id,
  title: text(LIMITS.short),
  ownerId: nullable(storedText().max(100)),
  dueDate: nullable(isoDate),
  status: z.enum(actionItemStatuses, 'invalidChoice').default('OPEN'),
  link: nullable(z.url({ protocol: /^https?$/, message: 'invalidUrl' }).max(LIMITS.url, 'tooLong')),
})
export type ActionItem = z.infer<typeof actionItem>

const metric = z.object({
  label: text(200).default(''),
  before: text(100),
  after: text(100),
})

const name = storedText().trim().min(1, 'required').max(LIMITS.name, 'tooLong')
/** Tags and services: unique, in one stable order (code points, as Postgres' C.UTF-8 sorts them). */
const names = (max: number) =>
  z
    .array(name)
    .max(max, 'tooMany')
    .default([])
    .transform((list) => [...new Set(list)].sort())

export const postmortemDocument = z
  .object({
    title: storedText().trim().min(1, 'required').max(LIMITS.title, 'tooLong'),
    severity: nullable(z.enum(severities, 'invalidChoice')),
    launchId: nullable(storedText().max(100)),
    occurredAt: nullable(isoDateTime),
    detectedAt: nullable(isoDateTime),
    resolvedAt: nullable(isoDateTime),
    summary: text().default(''),
    detection: text().default(''),
    symptom: text().default(''),
    impact: text().default(''),
    rootCause: text().default(''),
    rootCauseCategory: nullable(z.enum(rootCauseCategories, 'invalidChoice')),
    resolution: text().default(''),
    resolutionKind: nullable(z.enum(resolutionKinds, 'invalidChoice')),
    verification: text().default(''),
    metric: nullable(metric),
    tags: names(LIMITS.tags),
    services: names(LIMITS.tags),
    /** Contributing factors, by id (a rename of the factor reaches every postmortem). */
    factors: z
      .array(id)
      .max(LIMITS.tags, 'tooMany')
      .default([])
      .transform((list) => [...new Set(list)].sort()),
    hypotheses: list(hypothesis),
    timeline: list(timelineEntry, 500),
    openQuestions: list(openQuestion),
    lessons: list(lesson),
    actionItems: list(actionItem),
  })
  .superRefine((doc, ctx) => {
    // Dates in order: it happened, then it was detected, then it was resolved.
    const order = [
      ['occurredAt', doc.occurredAt],
      ['detectedAt', doc.detectedAt],
      ['resolvedAt', doc.resolvedAt],
    ] as const
    for (let i = 0; i < order.length; i++)
      for (let j = i + 1; j < order.length; j++) {
        const [, a] = order[i]!
        const [field, b] = order[j]!
        if (a && b && Date.parse(b) < Date.parse(a))
          ctx.addIssue({ code: 'custom', path: [field], message: 'dateOrder' })
      }
    const ids = new Set<string>()
    for (const [key, items] of [
      ['hypotheses', doc.hypotheses],
      ['timeline', doc.timeline],
      ['openQuestions', doc.openQuestions],
      ['lessons', doc.lessons],
      ['actionItems', doc.actionItems],
    ] as const)
      items.forEach((item, index) => {
        if (ids.has(item.id))
          ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: 'duplicateId' })
        ids.add(item.id)
      })
    const hypothesisIds = new Set(doc.hypotheses.map((h) => h.id))
    doc.timeline.forEach((entry, index) => {
      if (entry.hypothesisId && !hypothesisIds.has(entry.hypothesisId))
        ctx.addIssue({ code: 'custom', path: ['timeline', index, 'hypothesisId'], message: 'invalidChoice' })
    })
  })
export type PostmortemDocument = z.infer<typeof postmortemDocument>

export const savePostmortemInput = z.object({
  baseVersion: z.number().int().positive(),
  document: postmortemDocument,
})
export type SavePostmortemInput = z.infer<typeof savePostmortemInput>

export const createPostmortemInput = z.object({
  title: postmortemDocument.shape.title,
  launchId: storedText()
    .max(100)
    .transform((v) => v || null)
    .nullable()
    .default(null),
})
export type CreatePostmortemInput = z.infer<typeof createPostmortemInput>

export const changeStatusInput = z.object({ to: z.enum(postmortemStatuses, 'invalidChoice') })

/**
 * A filter from the address bar: an empty value ("All") means no filter; so does one too long or
 * with a NUL (which Postgres refuses).
 */
export const filterText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes('\u0000'))
    .transform((v) => v.trim() || undefined)
    .optional()
    .catch(undefined)

export const sorts = ['updated', 'newest', 'oldest'] as const
export const findPostmortemsInput = z.object({
  status: z.enum(postmortemStatuses).optional().catch(undefined),
  severity: z.enum(severities).optional().catch(undefined),
  launch: filterText(100),
  tag: filterText(LIMITS.name),
  service: filterText(LIMITS.name),
  category: z.enum(rootCauseCategories).optional().catch(undefined),
  /** A contributing factor's id. */
  factor: z.uuid().optional().catch(undefined),
  /** First and last day of the incident date (incident-date.ts), inclusive, in UTC. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(sorts).default('updated').catch('updated'),
  cursor: filterText(200),
})
export type FindPostmortemsInput = z.infer<typeof findPostmortemsInput>

/** An empty document with a title: what "new postmortem" starts from. */
export function emptyDocument(title: string, launchId: string | null = null): PostmortemDocument {
  return postmortemDocument.parse({ title, launchId })
}

/** Where the words must occur: hypotheses (statement or evidence), or root cause and confirmed hypotheses. */
export const searchScopes = ['hypotheses', 'confirmed'] as const
export type SearchScope = (typeof searchScopes)[number]

/** The search page's and API's query: bad filters are dropped, not refused (a URL is typed by hand). */
export const searchInput = z.object({
  q: storedText().trim().max(200).default(''),
  status: z.enum(postmortemStatuses).optional().catch(undefined),
  severity: z.enum(severities).optional().catch(undefined),
  launch: filterText(100),
  tag: filterText(50),
  service: filterText(50),
  category: z.enum(rootCauseCategories).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  scope: z.enum(searchScopes).optional().catch(undefined),
  sort: z.enum(['relevance', 'date']).default('relevance').catch('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(20).catch(20),
})
export type SearchInput = z.infer<typeof searchInput>

/** "Similar past incidents" for the text being written, leaving out the postmortem itself. */
export const similarInput = z.object({
  text: storedText().max(20_000),
  exclude: z.coerce.number().int().positive().optional(),
})

/** Empty form fields are no value. */
const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value

/**
 * Closing an action item (decision 021): DONE, with evidence where the policy asks for it (a
 * link, or a before → after figure: both sides), or WONT_DO with a reason.
 */
export const actionItemOutcomes = ['DONE', 'WONT_DO'] as const
export const closeActionItemInput = z
  .object({
    outcome: z.enum(actionItemOutcomes, 'invalidChoice'),
    evidenceLink: z.preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/, message: 'invalidUrl' })
        .max(LIMITS.url, 'tooLong')
        .nullable()
        .default(null),
    ),
    evidenceBefore: z.preprocess(blankToNull, text(100).trim().nullable().default(null)),
    evidenceAfter: z.preprocess(blankToNull, text(100).trim().nullable().default(null)),
    reason: z.preprocess(blankToNull, text(LIMITS.short).trim().nullable().default(null)),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'WONT_DO' && !input.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'wontDoReasonRequired' })
    if (input.outcome === 'DONE' && !input.evidenceBefore !== !input.evidenceAfter)
      ctx.addIssue({
        code: 'custom',
        path: [input.evidenceBefore ? 'evidenceAfter' : 'evidenceBefore'],
        message: 'figureBothSides',
      })
  })
export type CloseActionItemInput = z.infer<typeof closeActionItemInput>

export { duePolicyFields }

const dueDays = z.preprocess(
  blankToNull,
  z.coerce.number('invalidDays').int('invalidDays').min(1, 'invalidDays').max(3650, 'invalidDays').nullable(),
)
/** A checkbox: present ("on", "true") or absent. */
const checked = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

/** Every severity's policy, as the admin form sends it (`SEV1-days`, `SEV1-evidence`, …). */
export const duePoliciesInput = z
  .object(
    Object.fromEntries(
      severities.flatMap((s) => [
        [duePolicyFields(s).days, dueDays],
        [duePolicyFields(s).evidence, checked],
      ]),
    ) as Record<string, typeof dueDays | typeof checked>,
  )
  .transform((form) =>
    severities.map((severity) => ({
      severity,
      dueDays: form[duePolicyFields(severity).days] as number | null,
      evidenceRequired: form[duePolicyFields(severity).evidence] as boolean,
    })),
  )
export type DuePoliciesInput = z.infer<typeof duePoliciesInput>
export type ActionItemOutcome = (typeof actionItemOutcomes)[number]
