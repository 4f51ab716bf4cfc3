// @every-database: version conflicts and transactions differ between a server and the one-connection embedded database.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { findAwaitingReview } from './awaiting-review'
import { changePostmortemStatus } from './change-status'
import { createPostmortem } from './create-postmortem'
import { findPostmortems } from './find-postmortems'
import { findRevisions } from './find-revisions'
import { getPostmortem } from './get-postmortem'
import { insertPostmortems } from './insert-postmortems'
import { savePostmortem } from './save-postmortem'
import { emptyDocument, findPostmortemsInput, type PostmortemDocument } from './schemas'
import { postmortemToMarkdown } from './to-markdown'
import { searchInput } from './schemas'
import { searchPostmortems } from './search-postmortems'
import { person } from '@/test/people'

let editor: Actor
let viewer: Actor

/** Item ids are unique across all postmortems, as the editor makes them. */
function seedDocument(title: string): PostmortemDocument {
  const ids = { h1: randomUUID(), h2: randomUUID(), t1: randomUUID(), l1: randomUUID(), a1: randomUUID() }
  return {
    ...emptyDocument(title),
    severity: 'SEV2',
    occurredAt: '2026-11-01T10:00:00.000Z',
    detectedAt: '2026-11-01T10:05:00.000Z',
    symptom: '任务上报速度很慢，严重影响上线速度',
    rootCause: 'uid 没有建索引',
    rootCauseCategory: 'SCHEMA',
    resolution: '临时对uid添加索引。',
    resolutionKind: 'TEMPORARY',
    verification: 'mq上报速度瞬间增至80/s',
    metric: { label: 'mq rate', before: '0.6/s', after: '80/s' },
    tags: ['上线', 'mysql'],
    services: ['welfare'],
    hypotheses: [
      { id: ids.h1, statement: '主从问题', status: 'ELIMINATED', evidence: '改查主库后依然 0.6/s' },
      { id: ids.h2, statement: '索引问题', status: 'CONFIRMED', evidence: 'uid 没有索引' },
    ],
    timeline: [
      { id: ids.t1, at: null, kind: 'ATTEMPT', text: '改查152主库，进程数加至14', hypothesisId: ids.h1 },
    ],
    openQuestions: [],
    lessons: [{ id: ids.l1, text: '上线前在生产规模数据上跑初始化脚本' }],
    actionItems: [
      {
        id: ids.a1,
        title: '为日志表 uid 建永久索引',
        ownerId: null,
        dueDate: '2026-12-01',
        status: 'OPEN',
        link: null,
      },
    ],
  }
}

beforeAll(async () => {
  editor = await person('Editor', 'EDITOR')
  viewer = await person('Viewer', 'VIEWER')
})

describe('postmortems (real database)', () => {
  it('numbers postmortems PM-1, PM-2… and keeps a saved document exactly', async () => {
    const first = await createPostmortem({ actor: editor, input: { title: 'First', launchId: null } })
    const second = await createPostmortem({ actor: editor, input: { title: 'Second', launchId: null } })
    expect(first.ok && second.ok && second.data.number - first.data.number).toBe(1)
    const number = first.ok ? first.data.number : 0

    const doc = {
      ...seedDocument('First'),
      actionItems: [{ ...seedDocument('x').actionItems[0]!, ownerId: editor.id }],
    }
    const saved = await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document: doc } })
    expect(saved.ok && saved.data.version).toBe(2)
    const read = await getPostmortem({ actor: editor, number })
    expect(read.ok && read.data.document).toEqual({ ...doc, tags: ['mysql', '上线'] })
    expect(read.ok && read.data.people[editor.id]?.name).toBe('Editor')
  })

  it('writes many new postmortems in one go (a folder import) and reads each back exactly', async () => {
    const full = (title: string): PostmortemDocument => {
      const doc = seedDocument(title)
      return {
        ...doc,
        symptom: '导入的复盘在搜索里找得到',
        resolvedAt: '2026-11-01T11:30:45.123Z',
        timeline: [{ ...doc.timeline[0]!, at: '2026-11-01T10:07:09.456Z' }],
        openQuestions: [
          { id: randomUUID(), text: '为什么预发没有发现？', answer: '预发数据量太小' },
          { id: randomUUID(), text: 'Who owns the script?', answer: '' },
        ],
        actionItems: [
          { ...doc.actionItems[0]!, ownerId: editor.id },
          {
            id: randomUUID(),
            title: 'Add a check',
            ownerId: null,
            dueDate: null,
            status: 'DONE',
            link: 'https://example.com/pr/1',
          },
        ],
      }
    }
    const docs = [
      full('Bulk one'),
      { ...full('Bulk two'), severity: null, metric: null, rootCauseCategory: null },
    ]
    const rows = await db.$transaction((tx) => insertPostmortems(tx, editor, docs))
    expect(rows[1]!.number - rows[0]!.number).toBe(1)
    for (const [i, row] of rows.entries()) {
      const read = await getPostmortem({ actor: editor, number: row.number })
      expect(read.ok && read.data.version).toBe(1)
      expect(read.ok && read.data.status).toBe('DRAFT')
      expect(read.ok && read.data.document).toEqual({ ...docs[i], tags: ['mysql', '上线'] })
    }
    const found = await searchPostmortems({ actor: editor, input: searchInput.parse({ q: '搜索里找得到' }) })
    expect(found.results.map((r) => r.title).sort()).toEqual(['Bulk one', 'Bulk two'])
  })

  it('keeps half an emoji (a lone surrogate) written in one go as the replacement character, as a save does', async () => {
    const doc = {
      ...seedDocument('Broken \ud83d emoji'),
      lessons: [{ id: randomUUID(), text: 'cut \ud83d here' }],
    }
    const [row] = await db.$transaction((tx) => insertPostmortems(tx, editor, [doc]))
    const read = await getPostmortem({ actor: editor, number: row!.number })
    expect(read.ok && read.data.document.title).toBe('Broken \ufffd emoji')
    expect(read.ok && read.data.document.lessons.map((l) => l.text)).toEqual(['cut \ufffd here'])
  })

  it('stores the language its text is written in, detected again on every save', async () => {
    const created = await createPostmortem({
      actor: editor,
      input: { title: '充值回调大量失败', launchId: null },
    })
    const number = created.ok ? created.data.number : 0
    const stored = async () => (await db.postmortem.findUniqueOrThrow({ where: { number } })).language
    expect(await stored()).toBe('zh-CN')
    const english = {
      ...emptyDocument('充值回调大量失败'),
      symptom: 'Every top-up callback from the new data centre was refused by the payment provider.',
    }
    const saved = await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 1, document: english },
    })
    expect(saved.ok).toBe(true)
    expect(await stored()).toBe('en')
    const read = await getPostmortem({ actor: editor, number })
    expect(read.ok && read.data.language).toBe('en')
  })

  it('refuses a save based on an old version and returns the current one', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Race', launchId: null } })
    const number = created.ok ? created.data.number : 0
    const a = await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 1, document: { ...emptyDocument('Race'), symptom: 'A' } },
    })
    expect(a.ok).toBe(true)
    const b = await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 1, document: { ...emptyDocument('Race'), symptom: 'B' } },
    })
    expect(b.ok).toBe(false)
    if (b.ok) return
    expect(b.error.code).toBe('CONFLICT')
    expect(b.current?.version).toBe(2)
    expect(b.current?.document.symptom).toBe('A')
    expect(b.current?.updatedBy).toBe('Editor')
  })

  it('lets exactly one of many concurrent saves on the same version win', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Stampede', launchId: null } })
    const number = created.ok ? created.data.number : 0
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        savePostmortem({
          actor: editor,
          number,
          input: { baseVersion: 1, document: { ...emptyDocument('Stampede'), impact: `writer ${i}` } },
        }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(5)
  })

  it('keeps item ids across edits, so links survive reordering and removal', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Links', launchId: null } })
    const number = created.ok ? created.data.number : 0
    const doc = seedDocument('Links')
    await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document: doc } })
    const reordered = { ...doc, hypotheses: [doc.hypotheses[1]!, doc.hypotheses[0]!], lessons: [] }
    const saved = await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 2, document: reordered },
    })
    expect(saved.ok).toBe(true)
    const read = await getPostmortem({ actor: editor, number })
    const [h1, h2] = doc.hypotheses.map((h) => h.id)
    expect(read.ok && read.data.document.hypotheses.map((h) => h.id)).toEqual([h2, h1])
    expect(read.ok && read.data.document.timeline[0]?.hypothesisId).toBe(h1)
    expect(read.ok && read.data.document.lessons).toEqual([])
  })

  it('rejects references to things that do not exist as invalid input, not a crash', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Refs', launchId: null } })
    const number = created.ok ? created.data.number : 0
    const doc = { ...seedDocument('Refs'), launchId: 'no-such-launch' }
    doc.actionItems = [{ ...doc.actionItems[0]!, ownerId: 'no-such-user' }]
    const result = await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document: doc } })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { launchId: 'invalidChoice', 'actionItems.0.ownerId': 'invalidChoice' },
      },
    })
    expect((await getPostmortem({ actor: editor, number })).ok).toBe(true)
  })

  it('goes DRAFT → IN_REVIEW → PUBLISHED only when the required parts are written, and keeps revisions', async () => {
    const created = await createPostmortem({ actor: editor, input: { title: 'Workflow', launchId: null } })
    const number = created.ok ? created.data.number : 0
    expect(await changePostmortemStatus({ actor: editor, number, to: 'PUBLISHED' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    const early = await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })
    expect(early).toMatchObject({
      ok: false,
      error: { fields: { symptom: 'requiredToPublish', rootCause: 'requiredToPublish' } },
    })

    const doc = seedDocument('Workflow')
    // A lesson added and left blank would be published as an empty line.
    const blank = { ...doc, lessons: [...doc.lessons, { id: randomUUID(), text: '  ' }] }
    await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document: blank } })
    expect(await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })).toMatchObject({
      ok: false,
      error: { fields: { 'lessons.1': 'emptyItem', 'actionItems.0.ownerId': 'ownerRequired' } },
    })
    const owned = { ...doc, actionItems: [{ ...doc.actionItems[0]!, ownerId: editor.id }] }
    await savePostmortem({ actor: editor, number, input: { baseVersion: 2, document: owned } })
    const awaiting = async (actor: Actor) =>
      (await findAwaitingReview({ actor, limit: 20 })).rows.map((p) => p.number)
    expect(await awaiting(editor)).not.toContain(number)
    expect((await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })).ok).toBe(true)
    expect(await awaiting(editor)).toContain(number)
    expect(await awaiting(viewer)).toEqual([])
    expect((await getPostmortem({ actor: viewer, number })).ok).toBe(false)
    expect((await changePostmortemStatus({ actor: viewer, number, to: 'PUBLISHED' })).ok).toBe(false)
    expect((await changePostmortemStatus({ actor: editor, number, to: 'PUBLISHED' })).ok).toBe(true)
    expect((await getPostmortem({ actor: viewer, number })).ok).toBe(true)
    expect(await awaiting(editor)).not.toContain(number)

    // Later edits of a published postmortem are kept as revisions (one per editing session).
    await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 3, document: { ...owned, impact: 'first edit' } },
    })
    await savePostmortem({
      actor: editor,
      number,
      input: { baseVersion: 4, document: { ...owned, impact: 'second edit' } },
    })
    const history = await findRevisions({ actor: viewer, number })
    expect(history.ok && history.data.revisions.map((r) => [r.version, r.snapshot.document.impact])).toEqual([
      [5, 'second edit'],
      [3, ''],
    ])
  })

  it('lists what the reader may see, filtered, newest activity first, page by page', async () => {
    const all = await findPostmortems({ actor: editor, input: findPostmortemsInput.parse({}) })
    const published = await findPostmortems({ actor: viewer, input: findPostmortemsInput.parse({}) })
    expect(all.items.length).toBeGreaterThan(published.items.length)
    expect(published.items.every((p) => p.status === 'PUBLISHED')).toBe(true)
    const tagged = await findPostmortems({
      actor: editor,
      input: findPostmortemsInput.parse({ tag: '上线', severity: 'SEV2' }),
    })
    expect(tagged.items.length).toBeGreaterThan(0)
    expect(tagged.items.every((p) => p.tags.includes('上线') && p.severity === 'SEV2')).toBe(true)
    const oldest = await findPostmortems({
      actor: editor,
      input: findPostmortemsInput.parse({ sort: 'oldest' }),
    })
    const numbers = oldest.items.map((p) => p.number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
  })

  it('exports Markdown with every field between markers', async () => {
    const created = await createPostmortem({
      actor: editor,
      input: { title: 'Export # not a heading', launchId: null },
    })
    const number = created.ok ? created.data.number : 0
    const doc = {
      ...seedDocument('Export # not a heading'),
      summary: '## A heading inside a field\n<!-- sneaky -->',
    }
    await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document: doc } })
    const read = await getPostmortem({ actor: editor, number })
    const markdown = read.ok ? postmortemToMarkdown(read.data) : ''
    expect(markdown).toMatch(/^---\nhindsight: 1\n/)
    expect(markdown).toContain(
      '<!-- hindsight:field summary -->\n## A heading inside a field\n<!-- sneaky -->\n<!-- /hindsight:field -->',
    )
    expect(markdown).toContain(
      `<!-- hindsight:hypothesis {"id":"${doc.hypotheses[1]!.id}","status":"CONFIRMED"} -->`,
    )
    expect(markdown).toContain('### Attempt · tests hypothesis 1')
    expect(markdown).toContain('metric:\n  label: mq rate\n  before: 0.6/s\n  after: 80/s')
  })
})
