import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { findAwaitingReview } from '../postmortems/awaiting-review'
import { canRead } from '../postmortems/get-postmortem'
import { openLaunchStatuses } from '../launches/launch-status'
import { findDuePolicies } from '../postmortems/find-due-policies'
import { daysOverdue } from '../postmortems/follow-through'
import { contentLanguageOf } from '../postmortems/content-language'

/**
 * A person's open checks across launches, their open action items from postmortems, and (for
 * editors) the postmortems waiting for review.
 */
export async function findMyWork({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const [checks, actions, reviews, policies] = await Promise.all([
    db.launchCheck.findMany({
      where: {
        ownerId: actor.id,
        status: { in: ['PENDING', 'FAIL'] },
        launch: { status: { in: openLaunchStatuses } },
      },
      orderBy: [{ launch: { plannedAt: { sort: 'asc', nulls: 'last' } } }, { position: 'asc' }],
      take: 500,
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
      where: { ownerId: actor.id, status: { in: ['OPEN', 'IN_PROGRESS'] } },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }],
      take: 500,
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        postmortem: { select: { number: true, title: true, language: true, status: true, severity: true } },
      },
    }),
    findAwaitingReview({ actor }),
    findDuePolicies({ actor }),
  ])
  const evidence = new Map(policies.map((p) => [p.severity, p.evidenceRequired]))
  return {
    checks: checks.map(({ _count, subChecks, ...c }) => ({
      ...c,
      subChecks: { done: subChecks.length, total: _count.subChecks },
    })),
    actionItems: actions
      .filter((a) => canRead(actor, a.postmortem.status))
      .map((a) => ({
        ...a,
        daysOverdue: daysOverdue(a.dueDate, now),
        evidenceRequired: a.postmortem.severity ? evidence.get(a.postmortem.severity)! : false,
        // An action item is written in its postmortem's language.
        language: contentLanguageOf(a.postmortem),
      })),
    reviews,
  }
}
