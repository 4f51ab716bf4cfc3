/*
 * A postmortem's life, in one place for the use cases, pages and components (no server-only
 * imports here). Adding a status is one entry below plus its translations; the compiler then
 * points at every table that must say what the new status allows.
 */

export const postmortemStatuses = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const
export type PostmortemStatus = (typeof postmortemStatuses)[number]

/** A step the page offers, with the i18n key (`Workflow`) of its button. */
export type PostmortemStep = { to: PostmortemStatus; label: 'submitForReview' | 'backToDraft' | 'publish' }

type Rules = {
  /** Where it may go next, in the order the page offers the buttons. */
  next: readonly PostmortemStep[]
  /** Entering it needs a symptom, a root cause, no empty items and an owner per action item. */
  complete: boolean
  /** Viewers and read-only API tokens see it; to them the others do not exist. */
  public: boolean
  /** Every save keeps a revision (what readers saw stays on record). */
  keepsRevisions: boolean
  /**
   * Edits in the shared document are the next version: the tables (what readers see) keep this
   * one until "Publish changes" passes the review rules (docs/decisions/025).
   */
  editsNextVersion: boolean
}

const rules: Record<PostmortemStatus, Rules> = {
  DRAFT: {
    next: [{ to: 'IN_REVIEW', label: 'submitForReview' }],
    complete: false,
    public: false,
    keepsRevisions: false,
    editsNextVersion: false,
  },
  IN_REVIEW: {
    next: [
      { to: 'DRAFT', label: 'backToDraft' },
      { to: 'PUBLISHED', label: 'publish' },
    ],
    complete: true,
    public: false,
    keepsRevisions: false,
    editsNextVersion: false,
  },
  PUBLISHED: { next: [], complete: true, public: true, keepsRevisions: true, editsNextVersion: true },
}

export const postmortemSteps = (from: PostmortemStatus) => rules[from].next
export const canMovePostmortem = (from: PostmortemStatus, to: PostmortemStatus) =>
  rules[from].next.some((step) => step.to === to)
export const needsComplete = (status: PostmortemStatus) => rules[status].complete
export const isPublic = (status: PostmortemStatus) => rules[status].public
export const keepsRevisions = (status: PostmortemStatus) => rules[status].keepsRevisions
export const editsNextVersion = (status: PostmortemStatus) => rules[status].editsNextVersion
/** The statuses viewers see, for queries. */
export const publicStatuses = postmortemStatuses.filter(isPublic)
