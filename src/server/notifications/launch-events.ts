import 'server-only'
import type { Tx } from '../db'
import type { Actor } from '../roles'
import { emitEvent } from './emit-event'
import type { LaunchPayload } from './events'

/** Where a review stands: every required check settled, one FAILED, or verdicts still to come. */
export type ReviewState = 'ready' | 'blocked' | 'pending'
type ReviewCheck = {
  text: string
  status: string
  required: boolean
  owner: { id: string; name: string } | null
}

/** The review events of a launch, and the silent marker of a return to pending. */
const reviewEvents = [
  'launch-review-started',
  'launch-review-blocked',
  'launch-review-ready',
  'launch-review-pending',
]

function describe(
  launch: { slug: string; name: string },
  actor: Actor | null,
  blocking: ReviewCheck[],
  state: ReviewState,
) {
  const payload: LaunchPayload & { state: ReviewState } = {
    slug: launch.slug,
    name: launch.name,
    by: actor?.name ?? null,
    blocking: blocking.map((c) => ({ text: c.text, status: c.status, owner: c.owner?.name ?? null })),
    state,
  }
  return payload
}

/** The owners of a launch's checks are the people its review concerns. */
const owners = (checks: ReviewCheck[], actor: Actor | null) => [
  ...new Set(checks.flatMap((c) => (c.owner && c.owner.id !== actor?.id ? [c.owner.id] : []))),
]

/** The review of a launch started (PLANNED → IN_REVIEW); its state then is the baseline. */
export async function emitLaunchReviewStarted(
  tx: Tx,
  input: {
    actor: Actor
    launch: { id: string; slug: string; name: string }
    checks: ReviewCheck[]
    blocking: ReviewCheck[]
    state: ReviewState
  },
) {
  await emitEvent(tx, {
    type: 'launch-review-started',
    subject: `launch:${input.launch.id}`,
    payload: describe(input.launch, input.actor, input.blocking, input.state),
    recipients: owners(input.checks, input.actor),
  })
}

/**
 * After a change to a launch in review: "blocked" when a required check has just FAILED it,
 * "ready" when it has just become ready; nothing while it stays where it was (the last review
 * event of the launch says where that is).
 */
export async function emitLaunchReviewState(
  tx: Tx,
  input: {
    actor: Actor
    launch: { id: string; slug: string; name: string }
    checks: ReviewCheck[]
    blocking: ReviewCheck[]
    state: ReviewState
  },
) {
  const last = await tx.notificationEvent.findFirst({
    where: { subject: `launch:${input.launch.id}`, type: { in: reviewEvents } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { payload: true },
  })
  const before = (last?.payload as { state?: ReviewState } | null)?.state ?? 'pending'
  if (before === input.state || input.state === 'pending') {
    // Back to pending (a verdict reset) is recorded without a message, so that the next
    // ready or blocked is news again.
    if (before !== input.state && last)
      await tx.notificationEvent.create({
        data: {
          type: 'launch-review-pending',
          subject: `launch:${input.launch.id}`,
          payload: { state: 'pending' },
        },
      })
    return
  }
  await emitEvent(tx, {
    type: input.state === 'ready' ? 'launch-review-ready' : 'launch-review-blocked',
    subject: `launch:${input.launch.id}`,
    payload: describe(input.launch, input.actor, input.blocking, input.state),
    recipients: owners(input.checks, input.actor),
  })
}
