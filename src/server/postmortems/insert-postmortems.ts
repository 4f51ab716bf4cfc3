import 'server-only'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../roles'
import type { Tx } from '../db'
import { insertRows } from '../db/insert-rows'
import { addSearchWords, searchDocuments } from '../search/index-postmortem'
import { scalarColumns } from './document'
import { loadDuePolicy } from './find-due-policies'
import { nextPostmortemNumber } from './next-number'
import type { PostmortemDocument } from './schemas'
import { actionColumns, childColumns, taxonomyByName } from './sync-children'

/**
 * Writes new draft postmortems with their items, tags and search documents, the actor their
 * first author, in as few statements as there are tables (one each, whatever the count): a bulk
 * import of hundreds costs about what one costs. The same columns as an edit writes
 * (`childColumns`, `actionColumns` in sync-children.ts).
 */
export async function insertPostmortems(tx: Tx, actor: Actor, documents: PostmortemDocument[]) {
  if (!documents.length) return []
  const first = await nextPostmortemNumber(tx)
  const now = new Date()
  const rows = documents.map((document, i) => ({ id: uuidv7(), number: first + i, document }))
  // The search documents are written with the row: one write of each, not an insert and an update.
  const indexes = await searchDocuments(tx, documents)
  await insertRows(
    tx,
    'Postmortem',
    rows.map(({ id, number, document }, i) => ({
      id,
      number,
      ...scalarColumns(document),
      createdById: actor.id,
      updatedById: actor.id,
      updatedAt: now,
      searchVector: indexes[i]!.vector,
      hypothesisVector: indexes[i]!.hypothesisVector,
      rootCauseVector: indexes[i]!.rootCauseVector,
      snippetSource: indexes[i]!.snippetSource,
    })),
  )
  await insertRows(
    tx,
    'PostmortemAuthor',
    rows.map(({ id }) => ({ postmortemId: id, userId: actor.id })),
  )

  // Each severity's due-date policy, for the action items' due dates.
  const severities = [...new Set(documents.map((d) => d.severity))]
  const actionColumnsOf = new Map(
    await Promise.all(
      severities.map(async (s) => [s, actionColumns(new Map(), await loadDuePolicy(tx, s), now)] as const),
    ),
  )
  const children = <Item extends { id: string }, Columns extends object>(
    list: (doc: PostmortemDocument) => Item[],
    columns: (item: Item, doc: PostmortemDocument) => Columns,
  ) =>
    rows.flatMap(({ id: postmortemId, document }) =>
      list(document).map((item, position) => ({
        id: item.id,
        postmortemId,
        position,
        ...columns(item, document),
      })),
    )
  // Hypotheses first: timeline entries may point at them.
  await insertRows(
    tx,
    'Hypothesis',
    children((d) => d.hypotheses, childColumns.hypothesis),
  )
  await insertRows(
    tx,
    'TimelineEntry',
    children((d) => d.timeline, childColumns.timeline),
  )
  await insertRows(
    tx,
    'OpenQuestion',
    children((d) => d.openQuestions, childColumns.question),
  )
  await insertRows(
    tx,
    'Lesson',
    children((d) => d.lessons, childColumns.lesson),
  )
  await insertRows(
    tx,
    'ActionItem',
    children(
      (d) => d.actionItems,
      (item, d) => actionColumnsOf.get(d.severity)!(item),
    ),
  )

  // Tags and services by name, created on first use; factors only those the taxonomy has.
  const taxonomy = await taxonomyByName(
    tx,
    [...new Set(documents.flatMap((d) => d.tags))],
    [...new Set(documents.flatMap((d) => d.services))],
  )
  const factorIds = [...new Set(documents.flatMap((d) => d.factors))]
  const factors = factorIds.length
    ? await tx.contributingFactor.findMany({
        where: { id: { in: factorIds } },
        select: { id: true },
      })
    : []
  const links = <Key extends string>(
    names: (d: PostmortemDocument) => string[],
    ids: Map<string, string>,
    key: Key,
  ) =>
    rows.flatMap(({ id, document }) =>
      [...new Set(names(document))].flatMap((name) =>
        ids.has(name)
          ? [{ postmortemId: id, [key]: ids.get(name)! } as { postmortemId: string } & Record<Key, string>]
          : [],
      ),
    )
  await insertRows(
    tx,
    'PostmortemTag',
    links((d) => d.tags, taxonomy.tags, 'tagId'),
  )
  await insertRows(
    tx,
    'PostmortemService',
    links((d) => d.services, taxonomy.services, 'serviceId'),
  )
  await insertRows(
    tx,
    'PostmortemFactor',
    links((d) => d.factors, new Map(factors.map((f) => [f.id, f.id])), 'factorId'),
  )

  await addSearchWords(tx, indexes)
  return rows.map(({ id, number }) => ({ id, number }))
}
