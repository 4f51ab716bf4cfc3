/*
 * The postmortem document's fixed values and limits, without zod: the editor and the forms in
 * the browser read them, and only the server and the editor's check of a loaded document need
 * the schemas (schemas.ts, decision 060).
 */

export const hypothesisStatuses = ['OPEN', 'ELIMINATED', 'CONFIRMED'] as const
export const timelineKinds = ['OBSERVATION', 'ATTEMPT', 'RESULT', 'DECISION'] as const
export const rootCauseCategories = [
  'CODE',
  'CONFIG',
  'DATA',
  'SCHEMA',
  'INFRASTRUCTURE',
  'DEPENDENCY',
  'CAPACITY',
  'PROCESS',
  'HUMAN',
  'UNKNOWN',
] as const
export const resolutionKinds = ['TEMPORARY', 'PERMANENT'] as const
/** The document's long free texts: merged character by character (diffs, live editing). */
export const documentTextFields = [
  'summary',
  'detection',
  'symptom',
  'impact',
  'rootCause',
  'resolution',
  'verification',
] as const
export const actionItemStatuses = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const

export type RootCauseCategory = (typeof rootCauseCategories)[number]
export type HypothesisStatus = (typeof hypothesisStatuses)[number]
export type TimelineKind = (typeof timelineKinds)[number]

export const LIMITS = {
  title: 200,
  text: 20_000,
  short: 2_000,
  name: 50,
  items: 100,
  tags: 20,
  url: 2_000,
} as const
