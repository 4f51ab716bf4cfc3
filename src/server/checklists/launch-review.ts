import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { resolveLaunch } from '../launches/resolve-launch'
import { ok, type Result } from '../result'
import { readinessOf, type Readiness } from './readiness'
import type { CheckStatus } from './schemas'
import { sourcesSelect, toSources, type ItemSource } from './sources'

type Person = { id: string; name: string }

export type LaunchCheckView = {
  id: string
  text: string
  rationale: string
  category: string
  required: boolean
  status: CheckStatus
  owner: Person | null
  evidence: string
  waiverReason: string | null
  checkedBy: Person | null
  checkedAt: Date | null
  template: { id: string; name: string } | null
  sources: ItemSource[]
  /** The template item's wording when it is newer than this launch's snapshot. */
  newer: { text: string; rationale: string; version: number } | null
  subChecks: { id: string; label: string; done: boolean; doneBy: Person | null; doneAt: Date | null }[]
}

export type LaunchReview = { checks: LaunchCheckView[]; readiness: Readiness }

const person = { select: { id: true, name: true } } as const

const keptReviews = dataVersionCache<LaunchReview>('launch-reviews', { maxEntries: 100 })

/** A launch's checks and readiness, kept against the data version (decision 035). */
export async function getLaunchReview({
  actor,
  launchId,
}: {
  actor: Actor
  launchId: string
}): Promise<LaunchReview> {
  return keptReviews(readerKey(actor, launchId), () => readReview(actor, launchId))
}

async function readReview(actor: Actor, launchId: string): Promise<LaunchReview> {
  const rows = await db.launchCheck.findMany({
    where: { launchId },
    orderBy: { position: 'asc' },
    include: {
      owner: person,
      checkedBy: person,
      subChecks: { orderBy: { position: 'asc' }, include: { doneBy: person } },
      checklistItem: {
        select: {
          version: true,
          text: true,
          rationale: true,
          archivedAt: true,
          template: { select: { id: true, name: true } },
          sources: sourcesSelect,
        },
      },
    },
  })
  const checks = rows.map(({ checklistItem: item, checklistItemVersion, subChecks, ...check }) => ({
    id: check.id,
    text: check.text,
    rationale: check.rationale,
    category: check.category,
    required: check.required,
    status: check.status,
    owner: check.owner,
    evidence: check.evidence,
    waiverReason: check.waiverReason,
    checkedBy: check.checkedBy,
    checkedAt: check.checkedAt,
    template: item?.template ?? null,
    sources: item ? toSources(actor, item.sources) : [],
    newer:
      item && !item.archivedAt && item.version > (checklistItemVersion ?? 0)
        ? { text: item.text, rationale: item.rationale, version: item.version }
        : null,
    subChecks: subChecks.map((s) => ({
      id: s.id,
      label: s.label,
      done: s.done,
      doneBy: s.doneBy,
      doneAt: s.doneAt,
    })),
  }))
  return { checks, readiness: readinessOf(checks) }
}

export type ReadinessReport = {
  launch: { id: string; slug: string; name: string; status: string }
  ready: boolean
  counts: Readiness['counts']
  blocking: { item: string; owner: string | null; status: CheckStatus }[]
}

/**
 * The deploy gate's answer for a launch named by slug, id or name (API and `npm run gate`):
 * NOT_FOUND for no such launch, CONFLICT with the slugs when several share the name.
 */
export async function getReadinessReport({
  actor,
  launch: key,
}: {
  actor: Actor
  launch: string
}): Promise<Result<ReadinessReport>> {
  const resolved = await resolveLaunch({ key })
  if (!resolved.ok) return resolved
  const launch = resolved.data
  const { readiness } = await getLaunchReview({ actor, launchId: launch.id })
  return ok({
    launch,
    ready: readiness.ready,
    counts: readiness.counts,
    blocking: readiness.blocking.map((c) => ({
      item: c.text,
      owner: c.owner?.name ?? null,
      status: c.status,
    })),
  })
}
