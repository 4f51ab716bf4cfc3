import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import { documentInclude, toDocument } from './document'
import { isPublic, publicStatuses, type PostmortemStatus } from './postmortem-status'
import type { PostmortemDocument } from './schemas'
import { loadDuePolicy } from './find-due-policies'
import { daysOverdue, hasEvidence, isOpenStatus, type Evidence } from './follow-through'
import { contentLanguageOf, type ContentLanguage } from './content-language'

export type PostmortemView = {
  id: string
  number: number
  status: PostmortemStatus
  version: number
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  updatedBy: string | null
  launch: { id: string; slug: string; name: string } | null
  /** Its contributing factors, named (the document holds their ids). */
  factors: { id: string; name: string }[]
  /**
   * The people the document mentions (action item owners). Emails only for editors, who
   * export to re-import elsewhere; viewers and API tokens read names.
   */
  people: Record<string, { name: string; email: string | null }>
  document: PostmortemDocument
  /** The language its text is written in, for `lang` wherever it is shown. */
  language: ContentLanguage | null
  /** The severity's policy and each action item's follow-through, by item id (decision 021). */
  followThrough: {
    evidenceRequired: boolean
    dueDays: number | null
    items: Record<string, ActionItemFollowThrough>
  }
}

export type ActionItemFollowThrough = {
  createdAt: Date
  daysOverdue: number | null
  doneAt: Date | null
  closedAt: Date | null
  closedBy: string | null
  evidence: Evidence | null
  wontDoReason: string | null
}

/** Viewers see published postmortems only; to them a draft does not exist. */
export function canRead(actor: Actor, status: PostmortemStatus) {
  return isPublic(status) || hasRole(actor, 'EDITOR')
}

/** canRead as a query filter, for lists and counts. */
export function readableBy(actor: Actor): { status?: { in: PostmortemStatus[] } } {
  return hasRole(actor, 'EDITOR') ? {} : { status: { in: publicStatuses } }
}

function readPostmortem(number: number) {
  return db.postmortem.findUnique({
    where: { number },
    include: {
      ...documentInclude,
      launch: { select: { id: true, slug: true, name: true } },
      updatedBy: { select: { name: true } },
      actionItems: {
        orderBy: { position: 'asc' },
        include: {
          owner: { select: { id: true, name: true, email: true } },
          closedBy: { select: { name: true } },
        },
      },
    },
  })
}

type Stored = {
  row: NonNullable<Awaited<ReturnType<typeof readPostmortem>>>
  policy: Awaited<ReturnType<typeof loadDuePolicy>>
} | null

/**
 * Postmortems read recently, as stored, kept against the data version (decision 035); who may
 * see what of them, and what is overdue today, is decided for each reader.
 */
const keptPostmortems = dataVersionCache<Stored>('postmortems', { maxEntries: 200 })

export async function getPostmortem({
  actor,
  number,
  now = new Date(),
}: {
  actor: Actor
  number: number
  now?: Date
}): Promise<Result<PostmortemView>> {
  const stored = await keptPostmortems(String(number), async () => {
    const row = await readPostmortem(number)
    return row ? { row, policy: await loadDuePolicy(db, row.severity) } : null
  })
  if (!stored || !canRead(actor, stored.row.status)) return err('NOT_FOUND')
  const { row, policy } = stored
  const people: PostmortemView['people'] = {}
  const showEmails = hasRole(actor, 'EDITOR')
  for (const { owner } of row.actionItems)
    if (owner) people[owner.id] = { name: owner.name, email: showEmails ? owner.email : null }
  const items: Record<string, ActionItemFollowThrough> = {}
  for (const a of row.actionItems) {
    const evidence = { link: a.evidenceLink, before: a.evidenceBefore, after: a.evidenceAfter }
    items[a.id] = {
      createdAt: a.createdAt,
      daysOverdue: isOpenStatus(a.status) ? daysOverdue(a.dueDate, now) : null,
      doneAt: a.doneAt,
      closedAt: a.closedAt,
      closedBy: a.closedBy?.name ?? null,
      evidence: hasEvidence(evidence) ? evidence : null,
      wontDoReason: a.wontDoReason,
    }
  }
  return ok({
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    updatedBy: row.updatedBy?.name ?? null,
    launch: row.launch,
    factors: row.factors.map((f) => f.factor).sort((a, b) => a.name.localeCompare(b.name)),
    people,
    document: toDocument(row),
    followThrough: { ...policy, items },
    language: contentLanguageOf(row),
  })
}
