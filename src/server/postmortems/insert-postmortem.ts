import 'server-only'
import type { Actor } from '../roles'
import type { Tx } from '../db'
import { indexPostmortem } from '../search/index-postmortem'
import { scalarColumns } from './document'
import { nextPostmortemNumber } from './next-number'
import type { PostmortemDocument } from './schemas'
import { syncChildren, syncTaxonomy } from './sync-children'

/** Writes a new draft postmortem with its items, tags and search document; the actor is its first author. */
export async function insertPostmortem(tx: Tx, actor: Actor, document: PostmortemDocument) {
  const row = await tx.postmortem.create({
    data: {
      number: await nextPostmortemNumber(tx),
      ...scalarColumns(document),
      createdById: actor.id,
      updatedById: actor.id,
      authors: { create: { userId: actor.id } },
    },
    select: { id: true, number: true },
  })
  await syncChildren(tx, row.id, document)
  await syncTaxonomy(tx, row.id, document)
  await indexPostmortem(tx, row.id, document)
  return row
}
