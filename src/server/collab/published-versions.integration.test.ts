import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { sampleRetro } from '@/test/sample-retro'
import { db } from '../db'
import { changePostmortemStatus } from '../postmortems/change-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { findRevisions } from '../postmortems/find-revisions'
import { getPostmortem } from '../postmortems/get-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { searchInput, type PostmortemDocument } from '../postmortems/schemas'
import { searchPostmortems } from '../postmortems/search-postmortems'
import type { Actor } from '../roles'
import { applyDocument } from '@/lib/shared-document/apply-document'
import { readDocument } from '@/lib/shared-document/postmortem-ydoc'
import type * as Y from 'yjs'
import { deriveFromYDoc } from './derive-from-ydoc'
import { discardChanges } from './discard-changes'
import { loadYDoc } from './load-ydoc'
import { publishChanges } from './publish-changes'
import { restoreSnapshot } from './restore-snapshot'
import { storeUpdate } from './store-update'
import { person } from '@/test/people'

let editor: Actor
let viewer: Actor

beforeAll(async () => {
  editor = await person('Mei', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
})

/** The sample retro with ids of its own (item ids are unique across postmortems), every item owned. */
function freshRetro(): PostmortemDocument {
  const doc = sampleRetro()
  const ids = new Map<string, string>()
  const fresh = (id: string) => ids.get(id) ?? ids.set(id, randomUUID()).get(id)!
  return {
    ...doc,
    hypotheses: doc.hypotheses.map((h) => ({ ...h, id: fresh(h.id) })),
    timeline: doc.timeline.map((t) => ({
      ...t,
      id: fresh(t.id),
      hypothesisId: t.hypothesisId && fresh(t.hypothesisId),
    })),
    openQuestions: doc.openQuestions.map((q) => ({ ...q, id: fresh(q.id) })),
    lessons: doc.lessons.map((l) => ({ ...l, id: fresh(l.id) })),
    actionItems: doc.actionItems.map((a) => ({ ...a, id: fresh(a.id), ownerId: editor.id })),
  }
}

async function read(actor: Actor, number: number) {
  const view = await getPostmortem({ actor, number })
  if (!view.ok) throw new Error(view.error.code)
  return view.data
}

async function published(document = freshRetro()) {
  const created = await createPostmortem({ actor: editor, input: { title: document.title, launchId: null } })
  if (!created.ok) throw new Error(created.error.code)
  const { number } = created.data
  await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } })
  for (const to of ['IN_REVIEW', 'PUBLISHED'] as const) {
    const moved = await changePostmortemStatus({ actor: editor, number, to })
    if (!moved.ok) throw new Error(moved.error.code)
  }
  return read(editor, number)
}

/** An editor's change in the shared document, derived as the live server does. */
async function edit(postmortemId: string, change: (doc: PostmortemDocument) => PostmortemDocument) {
  const ydoc = await loadYDoc(postmortemId)
  if (!ydoc) throw new Error('no such postmortem')
  await applyAndStore(ydoc, postmortemId, change)
  return deriveFromYDoc({ actor: editor, postmortemId, ydoc })
}

/** Applies a change to a Y.Doc and stores it, as the live server stores a writer's updates. */
async function applyAndStore(
  ydoc: Y.Doc,
  postmortemId: string,
  change: (doc: PostmortemDocument) => PostmortemDocument,
) {
  const updates: Uint8Array[] = []
  const collect = (u: Uint8Array) => void updates.push(u)
  ydoc.on('update', collect)
  applyDocument(ydoc, change(readDocument(ydoc) as PostmortemDocument))
  ydoc.off('update', collect)
  for (const update of updates) await storeUpdate(db, { postmortemId, update, origin: `user:${editor.id}` })
}

const search = async (actor: Actor, q: string) =>
  (await searchPostmortems({ actor, input: searchInput.parse({ q }) })).results.map((r) => r.number)

describe('versions of a published postmortem', () => {
  it('keeps showing readers and search the published version while the next one is edited', async () => {
    const pm = await published()
    const derived = await edit(pm.id, (doc) => ({ ...doc, rootCause: '消息队列消费者线程池耗尽 zebrafish' }))
    expect(derived).toEqual({ ok: true, data: { version: pm.version, changed: true } })

    const seen = await read(viewer, pm.number)
    expect(seen.version).toBe(pm.version)
    expect(seen.document.rootCause).toBe(pm.document.rootCause)
    expect(await search(viewer, 'zebrafish')).not.toContain(pm.number)
    const pending = await db.pendingVersion.findUniqueOrThrow({ where: { postmortemId: pm.id } })
    expect((pending.document as PostmortemDocument).rootCause).toBe('消息队列消费者线程池耗尽 zebrafish')
    expect(pending.updatedById).toBe(editor.id)

    // Editors find the pending changes in History; viewers do not.
    const history = await findRevisions({ actor: editor, number: pm.number })
    expect(history.ok && history.data.pending?.document.rootCause).toContain('zebrafish')
    const theirs = await findRevisions({ actor: viewer, number: pm.number })
    expect(theirs.ok && theirs.data.pending).toBeNull()
  })

  it('publishes the changes in one save: tables, search and a new revision, and the pending version is gone', async () => {
    const pm = await published()
    await edit(pm.id, (doc) => ({ ...doc, impact: '影响了三成用户 walrus' }))
    const result = await publishChanges({ actor: editor, number: pm.number })
    expect(result).toEqual({ ok: true, data: { version: pm.version + 1 } })

    const seen = await read(viewer, pm.number)
    expect(seen.document.impact).toBe('影响了三成用户 walrus')
    expect(await search(viewer, 'walrus')).toContain(pm.number)
    expect(await db.pendingVersion.count({ where: { postmortemId: pm.id } })).toBe(0)
    expect(
      await db.auditEvent.count({
        where: {
          action: 'postmortem-changes-published',
          target: `postmortem:${pm.number}`,
          actorId: editor.id,
        },
      }),
    ).toBe(1)
    const history = await findRevisions({ actor: viewer, number: pm.number })
    expect(
      history.ok &&
        history.data.revisions.map((r) => [r.version, r.snapshot.status, r.snapshot.document.impact]),
    ).toEqual([
      [pm.version + 1, 'PUBLISHED', '影响了三成用户 walrus'],
      [pm.version, 'PUBLISHED', pm.document.impact],
    ])

    // The shared document reads as the published version: the next derive stores nothing pending.
    expect(await edit(pm.id, (doc) => doc)).toEqual({
      ok: true,
      data: { version: pm.version + 1, changed: false },
    })
    expect(await db.pendingVersion.count({ where: { postmortemId: pm.id } })).toBe(0)
    expect(await publishChanges({ actor: editor, number: pm.number })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'NO_CHANGES' },
    })
  })

  it('refuses to publish changes that break a rule of the first publication, and viewers may not publish', async () => {
    const pm = await published()
    await edit(pm.id, (doc) => ({ ...doc, symptom: '  ' }))
    expect(await publishChanges({ actor: editor, number: pm.number })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', fields: { symptom: 'requiredToPublish' } },
    })
    expect(await publishChanges({ actor: viewer, number: pm.number })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const seen = await read(viewer, pm.number)
    expect(seen.document.symptom).toBe(pm.document.symptom)
    expect(seen.version).toBe(pm.version)
    expect(await db.pendingVersion.count({ where: { postmortemId: pm.id } })).toBe(1)
  })

  it('discards the changes: the shared document reads as the published version again', async () => {
    const pm = await published()
    await edit(pm.id, (doc) => ({ ...doc, summary: 'a change nobody wants' }))
    expect(await discardChanges({ actor: editor, number: pm.number })).toEqual({
      ok: true,
      data: { version: pm.version },
    })
    expect(await db.pendingVersion.count({ where: { postmortemId: pm.id } })).toBe(0)
    const ydoc = await loadYDoc(pm.id)
    expect(readDocument(ydoc!).summary).toBe(pm.document.summary)
    expect((await read(viewer, pm.number)).version).toBe(pm.version)
  })

  it('does not discard or publish what a draft is (there is no published version)', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Draft only', launchId: null } })
    const number = created.ok ? created.data.number : 0
    expect(await discardChanges({ actor: editor, number })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect(await publishChanges({ actor: editor, number })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
  })
})

describe('draft snapshots', () => {
  it('keeps one at least every ten minutes of editing, listed for editors and restorable', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: '草稿', launchId: null } })
    if (!created.ok) throw new Error(created.error.code)
    const { number } = created.data
    const { id } = await read(editor, number)
    const ydoc = await loadYDoc(id)
    if (!ydoc) throw new Error('no document')
    const start = Date.parse('2026-12-01T09:00:00Z')
    const at = (minutes: number) => new Date(start + minutes * 60_000)
    const typeAt = async (minutes: number, symptom: string) => {
      await applyAndStore(ydoc, id, (doc) => ({ ...doc, symptom }))
      const derived = await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc, now: at(minutes) })
      if (!derived.ok) throw new Error(derived.error.code)
    }
    await typeAt(0, '第一版')
    await typeAt(4, '第二版')
    await typeAt(9, '第三版')
    await typeAt(10, '第四版')
    await typeAt(15, '第五版')
    await typeAt(21, '第六版')

    const history = await findRevisions({ actor: editor, number })
    if (!history.ok) throw new Error(history.error.code)
    expect(history.data.revisions.map((r) => [r.snapshot.status, r.snapshot.document.symptom])).toEqual([
      ['DRAFT', '第六版'],
      ['DRAFT', '第四版'],
      ['DRAFT', '第一版'],
    ])

    const first = history.data.revisions.at(-1)!
    expect(await restoreSnapshot({ actor: viewer, number, revisionId: first.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await restoreSnapshot({ actor: editor, number, revisionId: first.id })).ok).toBe(true)
    expect((await read(editor, number)).document.symptom).toBe('第一版')
    const reopened = await loadYDoc(id)
    expect(readDocument(reopened!).symptom).toBe('第一版')
  })
})
