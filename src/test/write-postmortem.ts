import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { savePostmortem } from '@/server/postmortems/save-postmortem'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import type { Actor } from '@/server/roles'

/** Creates a postmortem and saves the given fields into it, as `actor`; returns its number. */
export async function writePostmortem(actor: Actor, title: string, fields: Partial<PostmortemDocument>) {
  const created = await createPostmortem({ actor, input: { title, launchId: null } })
  if (!created.ok) throw new Error(title)
  const pm = await getPostmortem({ actor, number: created.data.number })
  if (!pm.ok) throw new Error(title)
  const saved = await savePostmortem({
    actor,
    number: created.data.number,
    input: { baseVersion: pm.data.version, document: { ...pm.data.document, ...fields } },
  })
  if (!saved.ok) throw new Error(title)
  return created.data.number
}
