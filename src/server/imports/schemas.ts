import { z } from 'zod'
import { storedText } from '../stored-text'
import { textFields } from './parsed-retro'
import {
  actionItemStatuses,
  hypothesisStatuses,
  resolutionKinds,
  rootCauseCategories,
  severities,
  timelineKinds,
} from '../postmortems/schemas'

/*
 * A parsed retro as the browser sends it back after the person reviewed the mapping. It is
 * checked like any other input: lengths are generous here and cut to the document limits
 * when saved (to-document.ts).
 */
const text = storedText().max(200_000)
const short = storedText().max(5_000)
const many = <T extends z.ZodType>(item: T) => z.array(item).max(500)

export const parsedPostmortemSchema = z.object({
  title: storedText().max(1_000),
  summary: text,
  symptom: text,
  detection: text,
  impact: text,
  hypotheses: many(z.object({ statement: short, status: z.enum(hypothesisStatuses), evidence: text })),
  timeline: many(
    z.object({
      kind: z.enum(timelineKinds),
      text,
      hypothesis: z.number().int().min(0).max(499).nullable(),
      at: z.iso.datetime({ offset: true }).nullable().optional(),
    }),
  ),
  rootCause: text,
  resolution: text,
  resolutionKind: z.enum(resolutionKinds).nullable(),
  verification: text,
  metric: z.object({ label: short, before: short, after: short }).nullable(),
  openQuestions: many(z.object({ text: short, answer: text })),
  lessons: many(text),
  actionItems: many(
    z.object({
      title: short,
      owner: short.nullable(),
      due: z.iso.date().nullable(),
      status: z.enum(actionItemStatuses),
      link: z.url().max(2_000).nullable().optional(),
    }),
  ),
  unmapped: many(z.object({ heading: short, text, suggestion: z.enum(textFields).nullable().optional() })),
  confidence: z.partialRecord(storedText().max(40), z.number().min(0).max(1)).optional(),
  severity: z.enum(severities).nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).nullable().optional(),
  detectedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  rootCauseCategory: z.enum(rootCauseCategories).nullable().optional(),
  tags: z.array(storedText().max(50)).max(20).optional(),
  services: z.array(storedText().max(50)).max(20).optional(),
  factors: z.array(storedText().max(80)).max(20).optional(),
})

export const parsedRetroSchema = z.object({
  launch: z.object({ name: storedText().trim().min(1).max(120) }).nullable(),
  postmortems: z.array(parsedPostmortemSchema).min(1).max(200),
})
