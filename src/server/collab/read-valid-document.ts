import type * as Y from 'yjs'
import { postmortemDocument, type PostmortemDocument } from '../postmortems/schemas'
import { err, ok, type Result } from '../result'
import { readDocument } from '@/lib/shared-document/postmortem-ydoc'

/**
 * The document a Y.Doc holds, checked like any input: clients write into the shared document,
 * and a merge of two valid changes can be invalid (a timeline entry pointing at a hypothesis
 * someone removed meanwhile). Refused fields map to `Validation` keys, as a refused save's do.
 */
export function readValidDocument(ydoc: Y.Doc): Result<PostmortemDocument> {
  const parsed = postmortemDocument.safeParse(readDocument(ydoc))
  if (parsed.success) return ok(parsed.data)
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message
  return err('INVALID_INPUT', { fields })
}
