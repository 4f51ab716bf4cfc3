/** What the importer reads out of a retro, before it becomes a postmortem document. */

export type HypothesisStatus = 'OPEN' | 'ELIMINATED' | 'CONFIRMED'
export type TimelineKind = 'OBSERVATION' | 'ATTEMPT' | 'RESULT' | 'DECISION'

export type ParsedHypothesis = { statement: string; status: HypothesisStatus; evidence: string }
export type ParsedTimelineEntry = {
  kind: TimelineKind
  text: string
  hypothesis: number | null
  at?: string | null
}
export type ParsedActionItem = {
  title: string
  owner: string | null
  due: string | null
  status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'
  link?: string | null
}
export type ParsedPostmortem = {
  title: string
  summary: string
  symptom: string
  detection: string
  impact: string
  hypotheses: ParsedHypothesis[]
  timeline: ParsedTimelineEntry[]
  rootCause: string
  resolution: string
  resolutionKind: 'TEMPORARY' | 'PERMANENT' | null
  verification: string
  metric: { label: string; before: string; after: string } | null
  openQuestions: { text: string; answer: string }[]
  lessons: string[]
  actionItems: ParsedActionItem[]
  /** Sections the importer could not place, with the field each most looks like. */
  unmapped: { heading: string; text: string; suggestion?: TextField | null }[]
  /** How sure the importer is of each field it filled, from 0 to 1 (below 0.7: a person should look). */
  confidence?: Confidence
  /** Known exactly only from Hindsight's own export. */
  severity?: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' | null
  occurredAt?: string | null
  detectedAt?: string | null
  resolvedAt?: string | null
  rootCauseCategory?: string | null
  tags?: string[]
  services?: string[]
  /** Contributing factors the document names (front matter); matched to the taxonomy on import. */
  factors?: string[]
}
export type Confidence = Partial<
  Record<TextField | 'title' | 'timeline' | 'lessons' | 'actionItems' | 'hypotheses', number>
>
/** Below this, the import preview asks a person to check the field. */
export const UNSURE = 0.7
export type ParsedRetro = { launch: { name: string } | null; postmortems: ParsedPostmortem[] }

/** The text fields a found section can go to (the browser preview lets a person move them). */
export const textFields = [
  'summary',
  'symptom',
  'detection',
  'impact',
  'rootCause',
  'resolution',
  'verification',
] as const
export type TextField = (typeof textFields)[number]

/** A postmortem with nothing found yet. */
export function emptyPostmortem(title: string): ParsedPostmortem {
  return {
    title,
    summary: '',
    symptom: '',
    detection: '',
    impact: '',
    hypotheses: [],
    timeline: [],
    rootCause: '',
    resolution: '',
    resolutionKind: null,
    verification: '',
    metric: null,
    openQuestions: [],
    lessons: [],
    actionItems: [],
    unmapped: [],
  }
}
