import 'server-only'
import type * as Y from 'yjs'
import { db } from '../db'
import { canRead } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { loadYDoc } from './load-ydoc'

/**
 * Who may write to a shared document, and so receive its content: the document of a published
 * postmortem is its unpublished next version, which viewers do not read (decision 025).
 */
export const writesSharedDocument = (actor: Actor) => hasRole(actor, 'EDITOR')

export type OpenedDocument = { postmortemId: string; ydoc: Y.Doc; readOnly: boolean }

/**
 * What a co-editing connection gets: the shared document of a postmortem the person may read,
 * and whether they may write to it. Viewers follow published postmortems live without writing;
 * to them a draft does not exist, as on every page.
 */
export async function openSharedDocument({
  actor,
  number,
  load = loadYDoc,
}: {
  actor: Actor
  number: number
  /** Where the document comes from: the database, or a live room already holding it. */
  load?: (postmortemId: string) => Promise<Y.Doc | null>
}): Promise<Result<OpenedDocument>> {
  const row = await db.postmortem.findUnique({ where: { number }, select: { id: true, status: true } })
  if (!row || !canRead(actor, row.status)) return err('NOT_FOUND')
  const ydoc = await load(row.id)
  if (!ydoc) return err('NOT_FOUND')
  return ok({ postmortemId: row.id, ydoc, readOnly: !writesSharedDocument(actor) })
}
