import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { documentInclude, toDocument } from './document'
import { isPublic, publicStatuses, type PostmortemStatus } from './postmortem-status'
import type { PostmortemDocument } from './schemas'
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
  /**
   * The people the document mentions (action item owners). Emails only for editors, who
   * export to re-import elsewhere; viewers and API tokens read names.
   */
  people: Record<string, { name: string; email: string | null }>
  document: PostmortemDocument
  /** The language its text is written in, for `lang` wherever it is shown. */
  language: ContentLanguage | null
}

/** Viewers see published postmortems only; to them a draft does not exist. */
export function canRead(actor: Actor, status: PostmortemStatus) {
  return isPublic(status) || hasRole(actor, 'EDITOR')
}

/** canRead as a query filter, for lists and counts. */
export function readableBy(actor: Actor): { status?: { in: PostmortemStatus[] } } {
  return hasRole(actor, 'EDITOR') ? {} : { status: { in: publicStatuses } }
}

export async function getPostmortem({
  actor,
  number,
}: {
  actor: Actor
  number: number
}): Promise<Result<PostmortemView>> {
  const row = await db.postmortem.findUnique({
    where: { number },
    include: {
      ...documentInclude,
      launch: { select: { id: true, slug: true, name: true } },
      updatedBy: { select: { name: true } },
      actionItems: {
        orderBy: { position: 'asc' },
        include: { owner: { select: { id: true, name: true, email: true } } },
      },
    },
  })
  if (!row || !canRead(actor, row.status)) return err('NOT_FOUND')
  const people: PostmortemView['people'] = {}
  const showEmails = hasRole(actor, 'EDITOR')
  for (const { owner } of row.actionItems)
    if (owner) people[owner.id] = { name: owner.name, email: showEmails ? owner.email : null }
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
    people,
    document: toDocument(row),
    language: contentLanguageOf(row),
  })
}
