import type { HypothesisStatus, TimelineKind } from '@/generated/prisma/enums'

/**
 * What search reads of a postmortem: every text it indexes (index-postmortem.ts) and quotes
 * (snippets.ts). Search's own shape, so that it needs nothing from postmortems/: a
 * PostmortemDocument (postmortems/schemas.ts) has all of it.
 */
export type SearchablePostmortem = {
  title: string
  symptom: string
  rootCause: string
  resolution: string
  verification: string
  detection: string
  impact: string
  summary: string
  hypotheses: { statement: string; status: HypothesisStatus; evidence: string }[]
  lessons: { text: string }[]
  timeline: { kind: TimelineKind; text: string }[]
  openQuestions: { text: string; answer: string }[]
  actionItems: { title: string }[]
  tags: string[]
  services: string[]
  /** Contributing factors by id (indexPostmortem indexes their names). */
  factors?: string[]
  /** The factors' names, as indexPostmortem looked them up. */
  factorNames?: string[]
}
