import 'server-only'
import type { Tx } from '../db'
import { isOpenStatus, policyDueDate } from './follow-through'
import { loadDuePolicy } from './find-due-policies'
import type { PostmortemDocument } from './schemas'

type Row = { id: string; position: number }
type Placed<Data> = Data & { position: number }

/**
 * Brings one child table in line with the document's list: deletes what is gone, updates
 * what changed (position included), creates what is new. Rows keep their ids, so links to
 * them (a lesson's checklist items, a timeline entry's hypothesis) survive edits.
 */
async function syncList<Item extends { id: string }, Existing extends Row, Data extends object>(
  existing: Existing[],
  incoming: Item[],
  ops: {
    same: (row: Existing, item: Item) => boolean
    /** The item's own columns, as written on create and update. */
    columns: (item: Item) => Data
    deleteMany: (ids: string[]) => Promise<unknown>
    update: (id: string, data: Placed<Data>) => Promise<unknown>
    createMany: (rows: (Placed<Data> & { id: string })[]) => Promise<unknown>
  },
) {
  const byId = new Map(existing.map((row) => [row.id, row]))
  const keep = new Set(incoming.map((item) => item.id))
  const gone = existing.filter((row) => !keep.has(row.id)).map((row) => row.id)
  if (gone.length) await ops.deleteMany(gone)
  const created: (Placed<Data> & { id: string })[] = []
  for (const [position, item] of incoming.entries()) {
    const row = byId.get(item.id)
    if (!row) created.push({ id: item.id, position, ...ops.columns(item) })
    else if (row.position !== position || !ops.same(row, item))
      await ops.update(item.id, { position, ...ops.columns(item) })
  }
  if (created.length) await ops.createMany(created)
}

const dateOrNull = (value: string | null) => (value ? new Date(value) : null)

type Doc = PostmortemDocument
/** Each child list's own columns, as written on create and update (the batched insert too). */
export const childColumns = {
  hypothesis: (i: Doc['hypotheses'][number]) => ({
    statement: i.statement,
    status: i.status,
    evidence: i.evidence,
  }),
  timeline: (i: Doc['timeline'][number]) => ({
    at: dateOrNull(i.at),
    kind: i.kind,
    text: i.text,
    hypothesisId: i.hypothesisId,
  }),
  question: (i: Doc['openQuestions'][number]) => ({ text: i.text, answer: i.answer || null }),
  lesson: (i: Doc['lessons'][number]) => ({ text: i.text }),
}

type ExistingAction = { status: string; doneAt: Date | null; dueDate: Date | null; createdAt: Date }

/**
 * An action item's columns, given what was saved before (none for a new item), its severity's
 * due-date policy and the time of the write.
 */
export function actionColumns(
  existing: Map<string, ExistingAction>,
  policy: { dueDays: number | null },
  now: Date,
) {
  // doneAt: stamped by the save that marks an item DONE, kept while it stays DONE, cleared when
  // it is reopened (an item DONE before doneAt existed keeps null: unknown, not now).
  const doneAt = (item: Doc['actionItems'][number]) => {
    if (item.status !== 'DONE') return null
    const before = existing.get(item.id)
    return before?.status === 'DONE' ? before.doneAt : now
  }
  // An open item without a due date is due when its severity's policy says, counted from its
  // creation (decision 021): the same date at every save, so the editor, which never sees it
  // until it reloads, does not clear it by saving null. A closed item keeps the date it had
  // (done on time or late); one written down already closed gets none.
  const dueDate = (item: Doc['actionItems'][number]) => {
    if (item.dueDate) return new Date(item.dueDate)
    const before = existing.get(item.id)
    if (!isOpenStatus(item.status)) return before?.dueDate ?? null
    return policyDueDate(before?.createdAt ?? now, policy.dueDays)
  }
  // How an item was closed belongs to that closing: reopening it clears it.
  const reopened = {
    evidenceLink: null,
    evidenceBefore: null,
    evidenceAfter: null,
    wontDoReason: null,
    closedById: null,
    closedAt: null,
  }
  return (i: Doc['actionItems'][number]) => ({
    title: i.title,
    ownerId: i.ownerId,
    dueDate: dueDate(i),
    status: i.status,
    link: i.link,
    doneAt: doneAt(i),
    ...(isOpenStatus(i.status) ? reopened : {}),
  })
}
const sameDate = (a: Date | null, b: string | null) =>
  (a ? a.toISOString() : null) === (b ? new Date(b).toISOString() : null)

/**
 * Brings every child list in line with the document. Resolves to the action items whose owner
 * was set or changed by this write (for the "assigned" notification).
 */
export async function syncChildren(
  tx: Tx,
  postmortemId: string,
  doc: PostmortemDocument,
): Promise<{ assigned: string[] }> {
  const where = { postmortemId }
  const select = { id: true, position: true } as const
  const mine = (ids: string[]) => ({ where: { id: { in: ids }, postmortemId } })
  const withParent = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, postmortemId }))
  const [hypotheses, timeline, questions, lessons, actions] = await Promise.all([
    tx.hypothesis.findMany({ where, select: { ...select, statement: true, status: true, evidence: true } }),
    tx.timelineEntry.findMany({
      where,
      select: { ...select, at: true, kind: true, text: true, hypothesisId: true },
    }),
    tx.openQuestion.findMany({ where, select: { ...select, text: true, answer: true } }),
    tx.lesson.findMany({ where, select: { ...select, text: true } }),
    tx.actionItem.findMany({
      where,
      select: {
        ...select,
        title: true,
        ownerId: true,
        dueDate: true,
        status: true,
        link: true,
        doneAt: true,
        createdAt: true,
      },
    }),
  ])
  const policy = await loadDuePolicy(tx, doc.severity)

  // Hypotheses first: timeline entries may point at new ones.
  await syncList(hypotheses, doc.hypotheses, {
    same: (r, i) => r.statement === i.statement && r.status === i.status && r.evidence === i.evidence,
    columns: childColumns.hypothesis,
    deleteMany: (ids) => tx.hypothesis.deleteMany(mine(ids)),
    update: (id, data) => tx.hypothesis.update({ where: { id }, data }),
    createMany: (rows) => tx.hypothesis.createMany({ data: withParent(rows) }),
  })
  await syncList(timeline, doc.timeline, {
    same: (r, i) =>
      sameDate(r.at, i.at) && r.kind === i.kind && r.text === i.text && r.hypothesisId === i.hypothesisId,
    columns: childColumns.timeline,
    deleteMany: (ids) => tx.timelineEntry.deleteMany(mine(ids)),
    update: (id, data) => tx.timelineEntry.update({ where: { id }, data }),
    createMany: (rows) => tx.timelineEntry.createMany({ data: withParent(rows) }),
  })
  await syncList(questions, doc.openQuestions, {
    same: (r, i) => r.text === i.text && (r.answer ?? '') === i.answer,
    columns: childColumns.question,
    deleteMany: (ids) => tx.openQuestion.deleteMany(mine(ids)),
    update: (id, data) => tx.openQuestion.update({ where: { id }, data }),
    createMany: (rows) => tx.openQuestion.createMany({ data: withParent(rows) }),
  })
  await syncList(lessons, doc.lessons, {
    same: (r, i) => r.text === i.text,
    columns: childColumns.lesson,
    deleteMany: (ids) => tx.lesson.deleteMany(mine(ids)),
    update: (id, data) => tx.lesson.update({ where: { id }, data }),
    createMany: (rows) => tx.lesson.createMany({ data: withParent(rows) }),
  })
  const existingAction = new Map(actions.map((a) => [a.id, a]))
  const columns = actionColumns(existingAction, policy, new Date())
  await syncList(actions, doc.actionItems, {
    same: (r, i) => {
      const c = columns(i)
      return (
        r.title === c.title &&
        r.ownerId === c.ownerId &&
        r.dueDate?.getTime() === c.dueDate?.getTime() &&
        r.status === c.status &&
        r.link === c.link
      )
    },
    columns,
    deleteMany: (ids) => tx.actionItem.deleteMany(mine(ids)),
    update: (id, data) => tx.actionItem.update({ where: { id }, data }),
    createMany: (rows) => tx.actionItem.createMany({ data: withParent(rows) }),
  })
  const assigned = doc.actionItems
    .filter((item) => item.ownerId && existingAction.get(item.id)?.ownerId !== item.ownerId)
    .map((item) => item.id)
  return { assigned }
}

/** The ids of tags and services by name, created on first use (postmortems and launches alike). */
export async function taxonomyByName(tx: Tx, tags: string[], services: string[]) {
  if (tags.length) await tx.tag.createMany({ data: tags.map((name) => ({ name })), skipDuplicates: true })
  if (services.length)
    await tx.service.createMany({ data: services.map((name) => ({ name })), skipDuplicates: true })
  const [tagRows, serviceRows] = await Promise.all([
    tx.tag.findMany({ where: { name: { in: tags } }, select: { id: true, name: true } }),
    tx.service.findMany({ where: { name: { in: services } }, select: { id: true, name: true } }),
  ])
  return {
    tags: new Map(tagRows.map((t) => [t.name, t.id])),
    services: new Map(serviceRows.map((s) => [s.name, s.id])),
  }
}

/** The same, as lists of ids (a launch's tags and services). */
export async function taxonomyIds(tx: Tx, tags: string[], services: string[]) {
  const found = await taxonomyByName(tx, tags, services)
  return { tagIds: [...found.tags.values()], serviceIds: [...found.services.values()] }
}

/**
 * Tags and services by name, created on first use; contributing factors by id, only those the
 * admins' taxonomy has (an id the taxonomy lost is dropped, never an error).
 */
export async function syncTaxonomy(tx: Tx, postmortemId: string, doc: PostmortemDocument) {
  const { tagIds, serviceIds } = await taxonomyIds(tx, [...new Set(doc.tags)], [...new Set(doc.services)])
  const factors = doc.factors.length
    ? await tx.contributingFactor.findMany({ where: { id: { in: doc.factors } }, select: { id: true } })
    : []
  await tx.postmortemTag.deleteMany({ where: { postmortemId } })
  await tx.postmortemService.deleteMany({ where: { postmortemId } })
  await tx.postmortemFactor.deleteMany({ where: { postmortemId } })
  if (factors.length)
    await tx.postmortemFactor.createMany({ data: factors.map((f) => ({ postmortemId, factorId: f.id })) })
  if (tagIds.length)
    await tx.postmortemTag.createMany({ data: tagIds.map((tagId) => ({ postmortemId, tagId })) })
  if (serviceIds.length)
    await tx.postmortemService.createMany({
      data: serviceIds.map((serviceId) => ({ postmortemId, serviceId })),
    })
}
