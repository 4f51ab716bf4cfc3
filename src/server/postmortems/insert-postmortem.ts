import 'server-only'
import type { Actor } from '../roles'
import type { Tx } from '../db'
import { insertPostmortems } from './insert-postmortems'
import type { PostmortemDocument } from './schemas'

/** Writes a new draft postmortem with its items, tags and search document; the actor is its first author. */
export async function insertPostmortem(tx: Tx, actor: Actor, document: PostmortemDocument) {
  const [row] = await insertPostmortems(tx, actor, [document])
  return row!
}
