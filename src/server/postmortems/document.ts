import type { Prisma } from '@/generated/prisma/client'
import type { PostmortemDocument } from './schemas'
import { detectContentLanguage } from './content-language'

/** What to load of a postmortem to rebuild its document. */
export const documentInclude = {
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
  services: { select: { service: { select: { name: true } } }, orderBy: { service: { name: 'asc' } } },
  factors: { select: { factor: { select: { id: true, name: true } } }, orderBy: { factorId: 'asc' } },
  hypotheses: { orderBy: { position: 'asc' } },
  timeline: { orderBy: { position: 'asc' } },
  openQuestions: { orderBy: { position: 'asc' } },
  lessons: { orderBy: { position: 'asc' } },
  actionItems: { orderBy: { position: 'asc' } },
} satisfies Prisma.PostmortemInclude

export type PostmortemWithDocument = Prisma.PostmortemGetPayload<{ include: typeof documentInclude }>

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function toDocument(row: PostmortemWithDocument): PostmortemDocument {
  return {
    title: row.title,
    severity: row.severity,
    launchId: row.launchId,
    occurredAt: iso(row.occurredAt),
    detectedAt: iso(row.detectedAt),
    resolvedAt: iso(row.resolvedAt),
    summary: row.summary,
    detection: row.detection,
    symptom: row.symptom,
    impact: row.impact,
    rootCause: row.rootCause,
    rootCauseCategory: row.rootCauseCategory,
    resolution: row.resolution,
    resolutionKind: row.resolutionKind,
    verification: row.verification,
    metric:
      row.metricBefore !== null || row.metricAfter !== null
        ? { label: row.metricLabel ?? '', before: row.metricBefore ?? '', after: row.metricAfter ?? '' }
        : null,
    tags: row.tags.map((t) => t.tag.name),
    services: row.services.map((s) => s.service.name),
    factors: row.factors.map((f) => f.factor.id),
    hypotheses: row.hypotheses.map(({ id, statement, status, evidence }) => ({
      id,
      statement,
      status,
      evidence,
    })),
    timeline: row.timeline.map(({ id, at, kind, text, hypothesisId }) => ({
      id,
      at: iso(at),
      kind,
      text,
      hypothesisId,
    })),
    openQuestions: row.openQuestions.map(({ id, text, answer }) => ({ id, text, answer: answer ?? '' })),
    lessons: row.lessons.map(({ id, text }) => ({ id, text })),
    actionItems: row.actionItems.map(({ id, title, ownerId, dueDate, status, link }) => ({
      id,
      title,
      ownerId,
      dueDate: dueDate ? dueDate.toISOString().slice(0, 10) : null,
      status,
      link,
    })),
  }
}

/** The postmortem's own columns for a document (children are synced separately). */
export function scalarColumns(doc: PostmortemDocument) {
  const date = (value: string | null) => (value ? new Date(value) : null)
  return {
    title: doc.title,
    severity: doc.severity,
    launchId: doc.launchId,
    occurredAt: date(doc.occurredAt),
    detectedAt: date(doc.detectedAt),
    resolvedAt: date(doc.resolvedAt),
    summary: doc.summary,
    detection: doc.detection,
    symptom: doc.symptom,
    impact: doc.impact,
    rootCause: doc.rootCause,
    rootCauseCategory: doc.rootCauseCategory,
    resolution: doc.resolution,
    resolutionKind: doc.resolutionKind,
    verification: doc.verification,
    metricLabel: doc.metric ? doc.metric.label : null,
    metricBefore: doc.metric ? doc.metric.before : null,
    metricAfter: doc.metric ? doc.metric.after : null,
    // Every write of a postmortem's text passes here (the form, the API, an import, the shared
    // document's derive): its language is detected once, where it is written.
    language: detectContentLanguage(doc),
  }
}
