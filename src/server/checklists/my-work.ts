import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { findAwaitingReview } from '../postmortems/awaiting-review'
import { readableBy } from '../postmortems/get-postmortem'
import { openLaunchStatuses } from '../launches/launch-status'
import { findDuePolicies } from '../postmortems/find-due-policies'
import { daysOverdue } from '../postmortems/follow-through'
import { openActionItemStatuses } from '../action-item-status'
import { contentLanguageOf } from '../postmortems/content-language'

/** How many of each list My work shows at first, the most urgent; and at most, when asked for all. */
export const MY_WORK_SHOWN = 20
export const MY_WORK_MAX = 500

/**
 * A person's open checks across launches, their open action items from postmortems, and (for
 * editors) the postmortems waiting for review: the first `limit` of each, the most urgent first
 * (the launch planned soonest, the item due or overdue soonest, the review waiting longest), and
 * how many there are in all.
 */
export async function findMyWork({
  actor,
  now = new Date(),
  limit = MY_WORK_SHOWN,
}: {
  actor: Actor
  now?: Date
  limit?: number
}) {
  const { checks, actions, reviews, policies, checkCount, actionCount } = await keptWork(
    readerKey(actor, actor.id, limit),
    () => readWork(actor, limit),
  )
  const evidence = new Map(policies.map((p) => [p.severity, p.evidenceRequired]))
  return {
    checks: checks.map(({ _count, subChecks, ...c }) => ({
      ...c,
      subChecks: { done: subChecks.length, total: _count.subChecks },
    })),
    actionItems: actions.map((a) => ({
      ...a,
      daysOverdue: daysOverdue(a.dueDate, now),
      evidenceRequired: a.postmortem.severity ? evidence.get(a.postmortem.severity)! : false,
      // An action item is written in its postmortem's language.
      language: contentLanguageOf(a.postmortem),
    })),
    reviews: reviews.rows,
    totals: { checks: checkCount, actionItems: actionCount, reviews: reviews.total },
  }
}

/**
 * Each person's work as stored, kept against the data version (decision 035); what is overdue
 * today is decided per request.
 */
const keptWork = dataVersionCache<Awaited<ReturnType<typeof readWork>>>('my-work', { maxEntries: 200 })

async function readWork(actor: Actor, limit: number) {
  const checkWhere = {
    ownerId: actor.id,
    status: { in: ['PENDING' as const, 'FAIL' as const] },
    launch: { status: { in: openLaunchStatuses } },
  }
  const actionWhere = {
    ownerId: actor.id,
    status: { in: [...openActionItemStatuses] },
    postmortem: readableBy(actor),
  }
  const [checks, actions, reviews, policies, checkCount, actionCount] = await Promise.all([
    db.launchCheck.findMany({
      where: checkWhere,
      orderBy: [{ launch: { plannedAt: { sort: 'asc', nulls: 'last' } } }, { position: 'asc' }],
      take: limit,
      select: {
        id: true,
        text: true,
        status: true,
        required: true,
        launch: { select: { name: true, slug: true, status: true, plannedAt: true } },
        _count: { select: { subChecks: true } },
        subChecks: { where: { done: true }, select: { id: true } },
      },
    }),
    db.actionItem.findMany({
      where: actionWhere,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take: limit,
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        postmortem: { select: { number: true, title: true, language: true, status: true, severity: true } },
      },
    }),
    findAwaitingReview({ actor, limit }),
    findDuePolicies({ actor }),
    db.launchCheck.count({ where: checkWhere }),
    db.actionItem.count({ where: actionWhere }),
  ])
  return { checks, actions, reviews, policies, checkCount, actionCount }
}
