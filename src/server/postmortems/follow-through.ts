import { openActionItemStatuses } from '../action-item-status'
import { severities, type actionItemStatuses, type Severity } from './schemas'

/*
 * Follow-through rules of action items, in one isomorphic module (decision 021): the save that
 * writes items, the use case that closes one, the admin page and the read page import them.
 */

export type ActionItemStatus = (typeof actionItemStatuses)[number]

export type DuePolicy = {
  severity: Severity
  /** Days after its creation an item without a due date is due; null: no due date. */
  dueDays: number | null
  /** Closing as done needs a link or a before → after figure. */
  evidenceRequired: boolean
}

/** What applies until an admin changes it (the table holds only what admins saved). */
export const defaultDuePolicies: Record<Severity, DuePolicy> = {
  SEV1: { severity: 'SEV1', dueDays: 14, evidenceRequired: true },
  SEV2: { severity: 'SEV2', dueDays: 30, evidenceRequired: true },
  SEV3: { severity: 'SEV3', dueDays: 60, evidenceRequired: false },
  SEV4: { severity: 'SEV4', dueDays: null, evidenceRequired: false },
}

/** A postmortem without a severity has no policy. */
export const noPolicy = { dueDays: null, evidenceRequired: false } as const

export const policiesOf = (stored: DuePolicy[]): DuePolicy[] =>
  severities.map((severity) => stored.find((p) => p.severity === severity) ?? defaultDuePolicies[severity])

export const isOpenStatus = (status: ActionItemStatus) =>
  (openActionItemStatuses as readonly ActionItemStatus[]).includes(status)

const DAY = 86_400_000

/** The due day (UTC midnight) of an item created at `createdAt` under a policy of `dueDays`. */
export function policyDueDate(createdAt: Date, dueDays: number | null): Date | null {
  if (dueDays === null) return null
  const day = Date.UTC(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate())
  return new Date(day + dueDays * DAY)
}

/**
 * Whole days an open item is past its due day, or null while it is not: the due day itself is
 * still on time, as for "done on time" (decision 020), so the first overdue day counts 1.
 */
export function daysOverdue(dueDate: Date | null, now: Date): number | null {
  if (!dueDate || now.getTime() < dueDate.getTime() + DAY) return null
  return Math.floor((now.getTime() - dueDate.getTime()) / DAY)
}

export type Evidence = { link: string | null; before: string | null; after: string | null }
export const hasEvidence = (e: Evidence) => !!e.link || (!!e.before && !!e.after)

/**
 * A document save (the editor, the shared document, the JSON API's PUT) carries no evidence and
 * no reason: it may move an open item to DONE only where no evidence is needed, and never to
 * "won't do" (CANCELLED). Closing with evidence or a reason goes through closeActionItem. Items
 * created already closed (an import, a retro written after the fact) are not closings.
 * Returns the Validation key of what is missing, or null.
 */
export function documentClosingProblem(
  from: ActionItemStatus | undefined,
  to: ActionItemStatus,
  policy: { evidenceRequired: boolean },
): 'closeWithEvidence' | 'closeWithReason' | null {
  if (from === undefined || from === to) return null
  if (to === 'CANCELLED') return 'closeWithReason'
  if (to === 'DONE' && from !== 'DONE' && policy.evidenceRequired) return 'closeWithEvidence'
  return null
}
