import { randomUUID } from 'node:crypto'
import { LIMITS, postmortemDocument, type PostmortemDocument } from '../postmortems/schemas'
import { matchFactors, type TaxonomyFactor } from './match-factors'
import type { ParsedPostmortem } from './parse-retro'

export type Person = { id: string; name: string; email: string }

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const names = (list: string[] | undefined) =>
  [...new Set((list ?? []).map((n) => n.trim().slice(0, LIMITS.name)).filter(Boolean))].slice(0, LIMITS.tags)

/** Occurred ≤ detected ≤ resolved: a date that breaks the order (a hand-edited file) is left out. */
function inOrder(occurredAt: string | null, detectedAt: string | null, resolvedAt: string | null) {
  const ms = (d: string | null) => (d ? Date.parse(d) : NaN)
  const detected = detectedAt && !(ms(detectedAt) < ms(occurredAt)) ? detectedAt : null
  const floor = Math.max(ms(occurredAt) || -Infinity, ms(detected) || -Infinity)
  const resolved = resolvedAt && !(ms(resolvedAt) < floor) ? resolvedAt : null
  return { occurredAt, detectedAt: detected, resolvedAt: resolved }
}

/** Finds an owner by email, then by name (case-insensitive). */
function findOwner(owner: string | null, people: Person[]): string | null {
  if (!owner) return null
  const key = owner.replace(/^@/, '').trim().toLowerCase()
  return (
    people.find((p) => p.email.toLowerCase() === key || p.email.toLowerCase().split('@')[0] === key)?.id ??
    people.find((p) => p.name.toLowerCase() === key)?.id ??
    null
  )
}

/**
 * A parsed retro as the document the editor and the save path understand: new ids, links
 * by id, texts cut to the limits. Whatever did not fit a field — unmapped sections, owners
 * with no account — goes into a labelled note in the summary rather than being dropped.
 */
export function toDocument(
  pm: ParsedPostmortem,
  people: Person[],
  launchId: string | null,
  factors: TaxonomyFactor[] = [],
): PostmortemDocument {
  const hypothesisIds = pm.hypotheses.map(() => randomUUID())
  const notes: string[] = pm.unmapped.map((u) => `**${u.heading}**\n\n${u.text}`)
  const actionItems = pm.actionItems.slice(0, LIMITS.items).map((a) => {
    const ownerId = findOwner(a.owner, people)
    if (a.owner && !ownerId) notes.push(`**Owner not found** for “${a.title}”: ${a.owner}`)
    if (a.link && !/^https?:\/\//i.test(a.link)) notes.push(`**Link left out** for “${a.title}”: ${a.link}`)
    return {
      id: randomUUID(),
      title: cut(a.title, LIMITS.short),
      ownerId,
      dueDate: a.due,
      status: a.status,
      link: a.link && /^https?:\/\//i.test(a.link) ? a.link.slice(0, 2_000) : null,
    }
  })
  const summary = notes.length
    ? [pm.summary, `### Imported, not mapped\n\n${notes.join('\n\n')}`].filter(Boolean).join('\n\n')
    : pm.summary
  return postmortemDocument.parse({
    title: cut(pm.title.trim() || 'Untitled', LIMITS.title),
    launchId,
    summary: cut(summary, LIMITS.text),
    detection: cut(pm.detection, LIMITS.text),
    symptom: cut(pm.symptom, LIMITS.text),
    impact: cut(pm.impact, LIMITS.text),
    rootCause: cut(pm.rootCause, LIMITS.text),
    resolution: cut(pm.resolution, LIMITS.text),
    resolutionKind: pm.resolutionKind,
    severity: pm.severity ?? null,
    ...inOrder(pm.occurredAt ?? null, pm.detectedAt ?? null, pm.resolvedAt ?? null),
    rootCauseCategory: pm.rootCauseCategory ?? null,
    tags: names(pm.tags),
    services: names(pm.services),
    factors: matchFactors({ named: pm.factors, rootCause: pm.rootCause }, factors),
    verification: cut(pm.verification, LIMITS.text),
    metric: pm.metric
      ? {
          label: cut(pm.metric.label, 200),
          before: cut(pm.metric.before, 100),
          after: cut(pm.metric.after, 100),
        }
      : null,
    hypotheses: pm.hypotheses.slice(0, LIMITS.items).map((h, i) => ({
      id: hypothesisIds[i],
      statement: cut(h.statement, LIMITS.short),
      status: h.status,
      evidence: cut(h.evidence, LIMITS.text),
    })),
    timeline: pm.timeline.slice(0, 500).map((e) => ({
      id: randomUUID(),
      at: e.at ?? null,
      kind: e.kind,
      text: cut(e.text, LIMITS.text),
      hypothesisId:
        e.hypothesis !== null && e.hypothesis < LIMITS.items ? (hypothesisIds[e.hypothesis] ?? null) : null,
    })),
    openQuestions: pm.openQuestions.slice(0, LIMITS.items).map((q) => ({
      id: randomUUID(),
      text: cut(q.text, LIMITS.short),
      answer: cut(q.answer, LIMITS.text),
    })),
    lessons: pm.lessons
      .slice(0, LIMITS.items)
      .map((text) => ({ id: randomUUID(), text: cut(text, LIMITS.text) })),
    actionItems,
  })
}
