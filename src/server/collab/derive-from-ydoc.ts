import 'server-only'
import type * as Y from 'yjs'
import { db } from '../db'
import { changedFields } from '../postmortems/diff-documents'
import { documentInclude, toDocument } from '../postmortems/document'
import { savePostmortem } from '../postmortems/save-postmortem'
import { postmortemDocument } from '../postmortems/schemas'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { readDocument } from './postmortem-ydoc'

/** Saves that landed between reading the version and saving on top of it: try again this often. */
const ATTEMPTS = 3

/**
 * Writes the structured tables — child rows, tags, the search index, revisions — from the
 * shared document, through the editor's own save (`savePostmortem`: one transaction, its
 * rules), on behalf of the person whose edits it holds. Nothing is written when the tables
 * already say the same. The shared document is the newer truth, so a save that landed in
 * between is not a conflict to show anyone: the derive is based on it and tried again.
 */
export async function deriveFromYDoc({
  actor,
  postmortemId,
  ydoc,
}: {
  actor: Actor
  postmortemId: string
  ydoc: Y.Doc
}): Promise<Result<{ version: number; changed: boolean }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  // What clients wrote into the shared document is input like any other.
  const parsed = postmortemDocument.safeParse(readDocument(ydoc))
  if (!parsed.success) {
    const fields: Record<string, string> = {}
    for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message
    return err('INVALID_INPUT', { fields })
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await db.postmortem.findUnique({ where: { id: postmortemId }, include: documentInclude })
    if (!row) return err('NOT_FOUND')
    if (!changedFields(toDocument(row), parsed.data).length)
      return ok({ version: row.version, changed: false })
    const saved = await savePostmortem({
      actor,
      number: row.number,
      input: { baseVersion: row.version, document: parsed.data },
    })
    if (saved.ok) return ok({ version: saved.data.version, changed: true })
    if (saved.error.code !== 'CONFLICT') return { ok: false, error: saved.error }
  }
  return err('CONFLICT')
}
