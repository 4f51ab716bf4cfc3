import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import type { Tx } from '../db'
import { err, ok, type DomainError } from '../result'
import { documentInclude, scalarColumns, toDocument } from './document'
import { indexPostmortem } from '../search/index-postmortem'
import { kickRepeats } from './repeats'
import { recordDraftSnapshot, recordRevision } from './revisions'
import type { PostmortemDocument, SavePostmortemInput } from './schemas'
import { syncChildren, syncTaxonomy } from './sync-children'
import { keepsRevisions } from './postmortem-status'
import { documentClosingProblem } from './follow-through'
import { loadDuePolicy } from './find-due-policies'
import { emitActionItemsAssigned } from '../notifications/action-item-events'
import { kickDeliveries } from '../notifications/worker'

export type SavedPostmortem = { version: number; updatedAt: Date }
/** On CONFLICT: what is in the database now, for the editor's merge view. */
export type CurrentVersion = {
  version: number
  updatedAt: Date
  updatedBy: string | null
  document: PostmortemDocument
}
export type SaveResult =
  { ok: true; data: SavedPostmortem } | { ok: false; error: DomainError; current?: CurrentVersion }

/**
 * Saves a whole document on top of the version it was based on. A save based on an older
 * version is refused with the current one, so that nobody's text is overwritten silently.
 * The version check and the write are one statement inside one transaction.
 * A published postmortem's save keeps a revision (a new one when `publishChanges`: the next
 * version is published, and the pending one is gone); a draft's keeps a restorable snapshot
 * every ten minutes of editing (`now`: the clock, for tests). `alongside` writes more in the
 * same transaction, once the version is taken (live editing: the document's state at it).
 */
export async function savePostmortem({
  actor,
  number,
  input,
  publishChanges = false,
  now,
  alongside,
}: {
  actor: Actor
  number: number
  input: SavePostmortemInput
  publishChanges?: boolean
  now?: Date
  alongside?: (tx: Tx, saved: { postmortemId: string; version: number }) => Promise<void>
}): Promise<SaveResult> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const doc = input.document
  let published = false
  return db
    .$transaction(async (tx): Promise<SaveResult> => {
      const existing = await tx.postmortem.findUnique({
        where: { number },
        select: { id: true, status: true },
      })
      if (!existing) return err('NOT_FOUND')
      published = existing.status === 'PUBLISHED'

      const invalid = (await checkReferences(tx, doc)) ?? (await checkClosings(tx, existing.id, doc))
      if (invalid) return invalid

      const version = input.baseVersion + 1
      const updated = await tx.postmortem.updateMany({
        where: { id: existing.id, version: input.baseVersion },
        data: { ...scalarColumns(doc), version, updatedById: actor.id },
      })
      if (updated.count === 0) {
        const row = await tx.postmortem.findUniqueOrThrow({
          where: { id: existing.id },
          include: { ...documentInclude, updatedBy: { select: { name: true } } },
        })
        return {
          ok: false,
          error: { code: 'CONFLICT' },
          current: {
            version: row.version,
            updatedAt: row.updatedAt,
            updatedBy: row.updatedBy?.name ?? null,
            document: toDocument(row),
          },
        }
      }
      const { assigned } = await syncChildren(tx, existing.id, doc)
      await emitActionItemsAssigned(tx, { actor, itemIds: assigned })
      await syncTaxonomy(tx, existing.id, doc)
      await indexPostmortem(tx, existing.id, doc)
      await tx.postmortemAuthor.createMany({
        data: [{ postmortemId: existing.id, userId: actor.id }],
        skipDuplicates: true,
      })
      if (keepsRevisions(existing.status))
        await recordRevision(tx, {
          postmortemId: existing.id,
          version,
          authorId: actor.id,
          snapshot: { status: existing.status, document: doc },
          coalesce: !publishChanges,
        })
      else
        await recordDraftSnapshot(tx, {
          postmortemId: existing.id,
          version,
          authorId: actor.id,
          snapshot: { status: existing.status, document: doc },
          now,
        })
      if (publishChanges) await tx.pendingVersion.deleteMany({ where: { postmortemId: existing.id } })
      await alongside?.(tx, { postmortemId: existing.id, version })
      const saved = await tx.postmortem.findUniqueOrThrow({
        where: { id: existing.id },
        select: { updatedAt: true },
      })
      return ok({ version, updatedAt: saved.updatedAt })
    })
    .then((result) => {
      if (result.ok) kickDeliveries()
      if (result.ok && published) kickRepeats()
      return result
    })
    .catch((error: unknown) => {
      // An item id that already belongs to another postmortem: the client sent a bad id.
      if ((error as { code?: string }).code === 'P2002')
        return err('INVALID_INPUT', { message: 'DUPLICATE_ID' })
      throw error
    })

  async function checkReferences(tx: Tx, document: PostmortemDocument): Promise<SaveResult | null> {
    const fields: Record<string, string> = {}
    if (document.launchId && !(await tx.launch.count({ where: { id: document.launchId } })))
      fields.launchId = 'invalidChoice'
    const owners = [...new Set(document.actionItems.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))]
    if (owners.length) {
      const found = new Set(
        (await tx.user.findMany({ where: { id: { in: owners } }, select: { id: true } })).map((u) => u.id),
      )
      document.actionItems.forEach((item, index) => {
        if (item.ownerId && !found.has(item.ownerId)) fields[`actionItems.${index}.ownerId`] = 'invalidChoice'
      })
    }
    return Object.keys(fields).length ? err('INVALID_INPUT', { fields }) : null
  }

  /** Closing with evidence or a reason is closeActionItem's: a document carries neither. */
  async function checkClosings(tx: Tx, postmortemId: string, document: PostmortemDocument) {
    const closing = document.actionItems.some((a) => a.status === 'DONE' || a.status === 'CANCELLED')
    if (!closing) return null
    const [stored, policy] = await Promise.all([
      tx.actionItem.findMany({ where: { postmortemId }, select: { id: true, status: true } }),
      loadDuePolicy(tx, document.severity),
    ])
    const before = new Map(stored.map((a) => [a.id, a.status]))
    const fields: Record<string, string> = {}
    document.actionItems.forEach((item, index) => {
      const problem = documentClosingProblem(before.get(item.id), item.status, policy)
      if (problem) fields[`actionItems.${index}.status`] = problem
    })
    return Object.keys(fields).length ? err('INVALID_INPUT', { message: 'CLOSE_ACTION_ITEM', fields }) : null
  }
}
