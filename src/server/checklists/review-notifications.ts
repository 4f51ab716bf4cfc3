import 'server-only'
import type { Tx } from '../db'
import type { Actor } from '../roles'
import {
  emitLaunchReviewStarted,
  emitLaunchReviewState,
  type ReviewState,
} from '../notifications/launch-events'
import { readinessOf } from './readiness'

/** A launch's checks and where its review stands: ready, blocked by a FAILED required check, or pending. */
async function reviewState(tx: Tx, launchId: string) {
  const checks = await tx.launchCheck.findMany({
    where: { launchId },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      text: true,
      required: true,
      status: true,
      owner: { select: { id: true, name: true } },
    },
  })
  const { ready, blocking } = readinessOf(checks)
  const state: ReviewState = ready
    ? 'ready'
    : blocking.some((c) => c.status === 'FAIL')
      ? 'blocked'
      : 'pending'
  return { checks, blocking, state }
}

/** In the transaction that started a launch's review. */
export async function notifyReviewStarted(tx: Tx, actor: Actor, launchId: string) {
  const launch = await tx.launch.findUniqueOrThrow({
    where: { id: launchId },
    select: { id: true, slug: true, name: true },
  })
  await emitLaunchReviewStarted(tx, { actor, launch, ...(await reviewState(tx, launchId)) })
}

/** In the transaction of any change to a launch's checklist: tells when its review became ready or blocked. */
export async function notifyReviewChange(tx: Tx, actor: Actor, launchId: string) {
  const launch = await tx.launch.findUnique({
    where: { id: launchId },
    select: { id: true, slug: true, name: true, status: true },
  })
  if (launch?.status !== 'IN_REVIEW') return
  await emitLaunchReviewState(tx, { actor, launch, ...(await reviewState(tx, launchId)) })
}
