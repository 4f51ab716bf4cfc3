/*
 * A launch's life, in one place for the use cases, pages and components (no server-only
 * imports here). Adding a status is one entry below plus its translations; the compiler then
 * points at every table that must say what the new status allows.
 */

export const launchStatuses = ['PLANNED', 'IN_REVIEW', 'LAUNCHED', 'CANCELLED'] as const
export type LaunchStatus = (typeof launchStatuses)[number]

type Rules = {
  /** Where it may go next, in the order the page offers the buttons. */
  next: readonly LaunchStatus[]
  /** The checklist can be built and worked on (checks added, owners and sub-checks set). */
  checklistOpen: boolean
  /** Checks can be removed: only while planning, before anyone reviews them. */
  checksRemovable: boolean
  /** Checks get their verdict and sub-checks are ticked: only in review. */
  checksJudged: boolean
}

const rules: Record<LaunchStatus, Rules> = {
  PLANNED: {
    next: ['IN_REVIEW', 'CANCELLED'],
    checklistOpen: true,
    checksRemovable: true,
    checksJudged: false,
  },
  IN_REVIEW: {
    next: ['LAUNCHED', 'PLANNED', 'CANCELLED'],
    checklistOpen: true,
    checksRemovable: false,
    checksJudged: true,
  },
  LAUNCHED: { next: [], checklistOpen: false, checksRemovable: false, checksJudged: false },
  CANCELLED: { next: ['PLANNED'], checklistOpen: false, checksRemovable: false, checksJudged: false },
}

export const nextLaunchStatuses = (from: LaunchStatus) => rules[from].next
export const canMoveLaunch = (from: LaunchStatus, to: LaunchStatus) => rules[from].next.includes(to)
export const checklistOpen = (status: LaunchStatus) => rules[status].checklistOpen
export const checksRemovable = (status: LaunchStatus) => rules[status].checksRemovable
export const checksJudged = (status: LaunchStatus) => rules[status].checksJudged
/** The statuses whose checklist is open, for queries ("my open checks"). */
export const openLaunchStatuses = launchStatuses.filter(checklistOpen)
