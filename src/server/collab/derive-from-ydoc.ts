import 'server-only'
import * as Y from 'yjs'
import { db } from '../db'
import { changedFields } from '../postmortems/diff-documents'
import { documentInclude, toDocument } from '../postmortems/document'
import { editsNextVersion } from '../postmortems/postmortem-status'
import { savePostmortem } from '../postmortems/save-postmortem'
import { err, ok, type Result } from '../result'
import { hasRole, type Actor } from '../roles'
import { catchUpWithTables } from './load-ydoc'
import { readValidDocument } from './read-valid-document'
import { storePendingVersion } from './pending-version'
import { loadState, storeState } from './store-state'

/** Saves that landed between reading the version and saving on top of it: try again this often. */
const ATTEMPTS = 3

/**
 * Writes the structured tables — child rows, tags, the search index, revisions — from the
 * shared document, through the editor's own save (`savePostmortem`: one transaction, its
 * rules), on behalf of the person whose edits it holds. Nothing is written when the tables
 * already say the same. A save that landed without the document (the form) is merged into it
 * first; one that lands in between is not a conflict to show anyone: it is merged and the derive
 * tried again.
 * A published postmortem's tables keep the published version: what the document says instead is
 * stored as its pending next version (docs/decisions/025), published by `publishChanges`.
 */
export async function deriveFromYDoc({
  actor,
  postmortemId,
  ydoc,
  now,
}: {
  actor: Actor
  postmortemId: string
  ydoc: Y.Doc
  /** The clock of the draft snapshots (tests). */
  now?: Date
}): Promise<Result<{ version: number; changed: boolean }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await db.postmortem.findUnique({ where: { id: postmortemId }, include: documentInclude })
    if (!row) return err('NOT_FOUND')
    // A save made without the document since it last wrote (the form) is merged into it first.
    await db.$transaction((tx) => catchUpWithTables(tx, ydoc, row))
    // The state read now is the one the saved version will read as.
    const state = Y.snapshot(ydoc)
    const parsed = readValidDocument(ydoc)
    if (!parsed.ok) return parsed
    if (editsNextVersion(row.status)) {
      const changed = await storePendingVersion(db, { actor, row, document: parsed.data })
      return ok({ version: row.version, changed })
    }
    if (!changedFields(toDocument(row), parsed.data).length) {
      if (!(await loadState(db, { postmortemId, version: row.version })))
        await storeState(db, { postmortemId, version: row.version, state })
      return ok({ version: row.version, changed: false })
    }
    const saved = await savePostmortem({
      actor,
      number: row.number,
      input: { baseVersion: row.version, document: parsed.data },
      now,
      // In the save's transaction: a version without its state is one saved without the
      // document (a form, the API), which another instance's next derive merges into its own
      // document as such. Stored after the commit, a derive in between (or a database lost
      // in between) took this instance's save for one and merged it over typing it lacked.
      alongside: (tx, at) => storeState(tx, { ...at, state }),
    })
    if (saved.ok) return ok({ version: saved.data.version, changed: true })
    if (saved.error.code !== 'CONFLICT') return { ok: false, error: saved.error }
  }
  return err('CONFLICT')
}
