// @every-database: concurrent saves and locks differ between a server and the one-connection embedded database.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sampleRetro } from '@/test/sample-retro'
import { db } from '../db'
import { createPostmortem } from '../postmortems/create-postmortem'
import { getPostmortem } from '../postmortems/get-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import type { PostmortemDocument } from '../postmortems/schemas'
import type { Actor } from '../roles'
import { applyDocument } from '@/lib/shared-document/apply-document'
import { compactUpdates } from './compact-updates'
import { deriveFromYDoc } from './derive-from-ydoc'
import { loadYDoc } from './load-ydoc'
import { openSharedDocument } from './open-shared-document'
import { putDocument } from './put-document'
import { readSharedState } from './read-shared-state'
import { listOf, newItem, readDocument, scalarsOf, textOf } from '@/lib/shared-document/postmortem-ydoc'
import { keyBetween } from '@/lib/shared-document/position-keys'
import { storeUpdate } from './store-update'
import { person } from '@/test/people'

let editor: Actor
let viewer: Actor

beforeAll(async () => {
  editor = await person('Li', 'EDITOR')
  viewer = await person('Vera', 'VIEWER')
})

/** The sample retro with ids of its own: item ids are unique across postmortems. */
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
    actionItems: doc.actionItems.map((a) => ({ ...a, id: fresh(a.id) })),
  }
}

/** A postmortem written and saved the way it is today, before co-editing. */
async function existingPostmortem(document = freshRetro()) {
  const created = await createPostmortem({ actor: editor, input: { title: document.title, launchId: null } })
  if (!created.ok) throw new Error(created.error.code)
  const { number } = created.data
  const saved = await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } })
  if (!saved.ok) throw new Error(saved.error.code)
  return read(number)
}

async function read(number: number) {
  const view = await getPostmortem({ actor: editor, number })
  if (!view.ok) throw new Error(view.error.code)
  return view.data
}

const rows = (postmortemId: string) =>
  db.documentUpdate.findMany({ where: { postmortemId }, orderBy: { id: 'asc' } })

/** A live Y.Doc whose every change is stored as it happens, as the co-editing server will do. */
function storing(ydoc: Y.Doc, postmortemId: string) {
  const pending: Promise<unknown>[] = []
  ydoc.on('update', (update: Uint8Array) =>
    pending.push(storeUpdate(db, { postmortemId, update, origin: `user:${editor.id}` })),
  )
  return () => Promise.all(pending)
}

async function load(postmortemId: string) {
  const ydoc = await loadYDoc(postmortemId)
  if (!ydoc) throw new Error('no such postmortem')
  return ydoc
}

describe('the shared document in the database', () => {
  it('opens a postmortem written before co-editing from its tables, storing that first state once', async () => {
    const { id, document } = await existingPostmortem()
    expect(await rows(id)).toHaveLength(0)

    const [first, second] = await Promise.all([load(id), load(id)])
    expect(readDocument(first)).toEqual(document)
    expect(readDocument(second)).toEqual(document)
    const stored = await rows(id)
    expect(stored.map((row) => row.origin)).toEqual(['seed'])

    // Replicas opened separately are the same document: merging them shows every text once.
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
    expect(readDocument(first)).toEqual(document)
    expect(readDocument(await load(id))).toEqual(document)
    expect(await rows(id)).toHaveLength(1)
  })

  it('answers null for a postmortem that does not exist', async () => {
    expect(await loadYDoc(randomUUID())).toBeNull()
  })

  it('rebuilds the same document from the updates stored as people typed', async () => {
    const { id } = await existingPostmortem()
    const live = await load(id)
    const flushed = storing(live, id)
    const rootCause = textOf(live, 'rootCause')
    for (const character of '，初始化脚本全表扫描') rootCause.insert(rootCause.length, character)
    scalarsOf(live).set('title', '初始化脚本慢：uid 缺索引')
    const hypotheses = listOf(live, 'hypotheses')
    const last = [...hypotheses.values()].map((h) => String(h.get('position'))).sort()
    const added = { id: randomUUID(), statement: '缓存未预热 🔥', status: 'OPEN' as const, evidence: '' }
    hypotheses.set(added.id, newItem('hypotheses', added, keyBetween(last.at(-1)!, null)))
    applyDocument(live, { ...readDocument(live), lessons: [], tags: ['索引'] })
    await flushed()

    expect((await rows(id)).length).toBeGreaterThan(10)
    const reloaded = await load(id)
    expect(readDocument(reloaded)).toEqual(readDocument(live))
    expect(readDocument(reloaded)).toMatchObject({
      title: '初始化脚本慢：uid 缺索引',
      rootCause: 'uid 没有建索引，初始化脚本全表扫描',
      lessons: [],
      tags: ['索引'],
    })
  })

  it('compacts the stored updates into one row, smaller than they were, holding the same document', async () => {
    const { id } = await existingPostmortem()
    const live = await load(id)
    const flushed = storing(live, id)
    const summary = textOf(live, 'summary')
    for (const character of '上线后福利脚本跑了 3 天。 Rolled back.')
      summary.insert(summary.length, character)
    summary.delete(0, 3)
    await flushed()
    const before = await rows(id)
    expect(before).toHaveLength(29) // the first state, 27 characters typed one at a time, 1 deletion

    expect(await compactUpdates(id)).toBe(29)
    const [row, ...rest] = await rows(id)
    expect(rest).toHaveLength(0)
    expect(row!.origin).toBe('compaction')
    expect(row!.update.length).toBeLessThan(before.reduce((bytes, r) => bytes + r.update.length, 0))
    const compacted = await load(id)
    expect(readDocument(compacted)).toEqual(readDocument(live))
    expect(readDocument(compacted).summary).toBe('福利脚本跑了 3 天。 Rolled back.')
    // A person still connected with the old state and the compacted one know the same edits.
    expect(Y.encodeStateVector(compacted)).toEqual(Y.encodeStateVector(live))
    expect(await compactUpdates(id)).toBe(0)
  })
})

describe('deriveFromYDoc: the structured tables follow the shared document', () => {
  it('shows an edit made in the shared document to every reader of the postmortem', async () => {
    const { id, number, version } = await existingPostmortem()
    const ydoc = await load(id)
    textOf(ydoc, 'rootCause').insert(0, '初始化脚本里 ')
    scalarsOf(ydoc).set('severity', 'SEV1')
    const added = { id: randomUUID(), text: '每个 schema 变更指定一名负责人在生产验证' }
    const lessons = listOf(ydoc, 'lessons')
    const last = String([...lessons.values()][0]!.get('position'))
    lessons.set(added.id, newItem('lessons', added, keyBetween(last, null)))

    const derived = await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc })
    expect(derived).toEqual({ ok: true, data: { version: version + 1, changed: true } })

    const after = await read(number)
    expect(after.document).toEqual(readDocument(ydoc))
    expect(after.document).toMatchObject({ rootCause: '初始化脚本里 uid 没有建索引', severity: 'SEV1' })
    expect(after.document.lessons.map((l) => l.text)).toContain(added.text)
    expect(after.updatedBy).toBe('Li')
  })

  it('writes nothing when the tables already say what the shared document says', async () => {
    const { id, number, version } = await existingPostmortem()
    const derived = await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc: await load(id) })
    expect(derived).toEqual({ ok: true, data: { version, changed: false } })
    expect((await read(number)).version).toBe(version)
  })

  it('writes the document once when two app instances derive it at the same moment', async () => {
    const { id, number, version } = await existingPostmortem()
    const [here, there] = [await load(id), await load(id)]
    textOf(here, 'impact').insert(0, '新用户福利延迟 3 天发放')
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    const results = await Promise.all([
      deriveFromYDoc({ actor: editor, postmortemId: id, ydoc: here }),
      deriveFromYDoc({ actor: editor, postmortemId: id, ydoc: there }),
    ])
    expect(results.map((r) => r.ok && r.data.changed).sort()).toEqual([false, true])
    const after = await read(number)
    expect(after.version).toBe(version + 1)
    expect(after.document.impact).toBe('新用户福利延迟 3 天发放')
  })

  it('refuses a shared document that is not a valid postmortem, and viewers', async () => {
    const { id, number, version } = await existingPostmortem()
    const ydoc = await load(id)
    scalarsOf(ydoc).set('title', '   ')
    expect(await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { title: 'required' } },
    })
    expect(await deriveFromYDoc({ actor: viewer, postmortemId: id, ydoc: await load(id) })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await read(number)).version).toBe(version)
  })
})

describe('openSharedDocument: what a co-editing connection gets', () => {
  it('lets editors write, lets viewers follow a published postmortem read-only, hides drafts from them', async () => {
    const { id, number, document } = await existingPostmortem()
    const asEditor = await openSharedDocument({ actor: editor, number })
    expect(asEditor).toMatchObject({ ok: true, data: { postmortemId: id, readOnly: false } })
    expect(asEditor.ok && readDocument(asEditor.data.ydoc)).toEqual(document)

    expect(await openSharedDocument({ actor: viewer, number })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await db.postmortem.update({ where: { id }, data: { status: 'PUBLISHED' } })
    const asViewer = await openSharedDocument({ actor: viewer, number })
    expect(asViewer).toMatchObject({ ok: true, data: { postmortemId: id, readOnly: true } })
    expect(asViewer.ok && readDocument(asViewer.data.ydoc)).toEqual(document)

    expect(await openSharedDocument({ actor: editor, number: 999_999 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('readSharedState: what the editor page starts from', () => {
  it('gives editors the stored document with everything typed into it, merged; nothing to viewers', async () => {
    const { id, number, document } = await existingPostmortem()
    expect(await rows(id)).toHaveLength(0)
    // Never opened: the tables make its first state, once, on the server, and it is stored.
    const first = new Y.Doc()
    Y.applyUpdate(first, (await readSharedState({ actor: editor, number }))!)
    expect(readDocument(first)).toEqual(document)
    expect(await rows(id)).toHaveLength(1)

    const ydoc = await load(id)
    // The socket opens the same document: nothing is made twice.
    expect(Y.encodeStateVector(ydoc)).toEqual(Y.encodeStateVector(first))
    const stored = storing(ydoc, id)
    textOf(ydoc, 'rootCause').insert(0, '连接池被打满 — ')
    textOf(ydoc, 'summary').insert(0, 'Typed live. ')
    await stored()
    expect((await rows(id)).length).toBeGreaterThan(1)

    const state = await readSharedState({ actor: editor, number })
    const replica = new Y.Doc()
    Y.applyUpdate(replica, state!)
    expect(readDocument(replica)).toEqual({
      ...document,
      rootCause: `连接池被打满 — ${document.rootCause}`,
      summary: `Typed live. ${document.summary}`,
    })
    // The same items as the server's: what the socket sends later merges instead of doubling.
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(ydoc))

    await db.postmortem.update({ where: { id }, data: { status: 'PUBLISHED' } })
    expect(await readSharedState({ actor: viewer, number })).toBeNull()
    expect(await readSharedState({ actor: editor, number: 999_999 })).toBeNull()
  })
})

describe('putDocument: the JSON API’s PUT as a change to the shared document', () => {
  it('saves a postmortem that has no shared document yet like today: current version in, stale version refused', async () => {
    const { number, version, document } = await existingPostmortem()
    const stale = await putDocument({
      actor: editor,
      number,
      input: { baseVersion: version - 1, document: { ...document, title: 'Stale' } },
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' }, current: { version, document } })

    const saved = await putDocument({
      actor: editor,
      number,
      input: { baseVersion: version, document: { ...document, title: 'Current' } },
    })
    expect(saved).toMatchObject({ ok: true, data: { version: version + 1 } })
    expect((await read(number)).document).toEqual({ ...document, title: 'Current' })
    expect(
      await putDocument({ actor: viewer, number, input: { baseVersion: version + 1, document } }),
    ).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('keeps what a person typed after the script read the postmortem, in the tables and in the shared document', async () => {
    const { id, number } = await existingPostmortem()
    const live = await load(id)
    const flushed = storing(live, id)
    // The script reads the postmortem…
    const { version, document } = await read(number)
    // …a person types into the root cause and picks a severity, and it is stored…
    textOf(live, 'rootCause').insert('uid '.length, '（user_log 表的）')
    scalarsOf(live).set('severity', 'SEV1')
    await flushed()
    // …then the script PUTs a new title and a longer root cause, based on what it read.
    const put = await putDocument({
      actor: editor,
      number,
      input: {
        baseVersion: version,
        document: {
          ...document,
          title: '初始化脚本慢：uid 缺索引',
          rootCause: 'uid 没有建索引，每条都全表扫描',
        },
      },
    })
    expect(put).toMatchObject({ ok: true, data: { version: version + 1 } })
    const expected = {
      title: '初始化脚本慢：uid 缺索引',
      severity: 'SEV1',
      rootCause: 'uid （user_log 表的）没有建索引，每条都全表扫描',
    }
    expect((await read(number)).document).toMatchObject(expected)
    Y.applyUpdate(live, Y.encodeStateAsUpdate(await load(id)))
    expect(readDocument(live)).toMatchObject(expected)

    // A second write based on the version the first one answered, after compaction, merges too.
    await compactUpdates(id)
    const again = await putDocument({
      actor: editor,
      number,
      input: {
        baseVersion: version + 1,
        document: { ...(await read(number)).document, impact: '延迟 3 天' },
      },
    })
    expect(again).toMatchObject({ ok: true, data: { version: version + 2 } })
    expect((await read(number)).document).toMatchObject({ ...expected, impact: '延迟 3 天' })
  })

  it('refuses a write whose merge is not a valid postmortem, storing nothing', async () => {
    const { id, number } = await existingPostmortem()
    const live = await load(id)
    const flushed = storing(live, id)
    const { version, document } = await read(number)
    // A person removes the second hypothesis (no timeline entry points at it)…
    const removed = document.hypotheses[1]!.id
    expect(document.timeline.some((t) => t.hypothesisId === removed)).toBe(false)
    listOf(live, 'hypotheses').delete(removed)
    await flushed()
    const stored = (await rows(id)).length
    // …while a script adds a timeline entry that points at it.
    const entry = {
      id: randomUUID(),
      at: null,
      kind: 'RESULT' as const,
      text: '仍然 0.6/s',
      hypothesisId: removed,
    }
    const put = await putDocument({
      actor: editor,
      number,
      input: { baseVersion: version, document: { ...document, timeline: [...document.timeline, entry] } },
    })
    expect(put).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(put.ok || put.error.fields).toEqual({ 'timeline.1.hypothesisId': 'invalidChoice' })
    expect(await rows(id)).toHaveLength(stored)
    expect((await read(number)).version).toBe(version)
  })
})
