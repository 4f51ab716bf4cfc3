import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { arbitraryDocument } from '@/test/arbitrary-document'
import { H1, H2, L1, sampleRetro } from '@/test/sample-retro'
import { replicaOf, sync } from '@/test/yjs-replicas'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { applyDocument, applyDocumentSince, placeItems } from './apply-document'
import { listOf, readDocument, scalarsOf, textOf, toYDoc } from './postmortem-ydoc'

/** What the server holds, and a person's editor that has synced with it. */
function serverAndEditor(document: PostmortemDocument = sampleRetro()) {
  const server = toYDoc(document)
  return { server, editor: replicaOf(server) }
}

describe('applyDocument: a whole document (the API’s PUT) applied to the shared document', () => {
  it('makes any document read as any other', () => {
    fc.assert(
      fc.property(arbitraryDocument, arbitraryDocument, (before, after) => {
        const ydoc = toYDoc(before)
        applyDocument(ydoc, after)
        expect(readDocument(ydoc)).toEqual(after)
      }),
      { numRuns: 100 },
    )
  })

  it('changes nothing when the document is what the shared document already holds', () => {
    const ydoc = toYDoc(sampleRetro())
    let updates = 0
    ydoc.on('update', () => updates++)
    applyDocument(ydoc, sampleRetro())
    expect(updates).toBe(0)
  })

  it('sends one update for the whole document, tagged with the origin given', () => {
    const ydoc = toYDoc(sampleRetro())
    const origins: unknown[] = []
    ydoc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    applyDocument(ydoc, { ...sampleRetro(), title: 'New title', rootCause: 'x', lessons: [] }, 'api')
    expect(origins).toEqual(['api'])
  })

  it('keeps what a person is typing in a text that a script changes elsewhere at the same moment', () => {
    const { server, editor } = serverAndEditor()
    // The editor types into the middle of the root cause…
    textOf(editor, 'rootCause').insert('uid '.length, '（user_log 表的）')
    // …while a script PUTs a new title and a longer root cause, based on what it read before.
    applyDocument(server, {
      ...sampleRetro(),
      title: '初始化脚本慢：uid 缺索引',
      rootCause: '初始化脚本里 uid 没有建索引，每条都全表扫描',
    })
    sync(server, editor)
    for (const replica of [server, editor])
      expect(readDocument(replica)).toMatchObject({
        title: '初始化脚本慢：uid 缺索引',
        rootCause: '初始化脚本里 uid （user_log 表的）没有建索引，每条都全表扫描',
      })
  })

  it('leaves alone the fields the PUT does not change, even ones a person is changing', () => {
    const { server, editor } = serverAndEditor()
    scalarsOf(editor).set('title', 'Typed in the editor')
    textOf(editor, 'symptom').insert(0, '用户反馈：')
    applyDocument(server, { ...sampleRetro(), severity: 'SEV1' })
    sync(server, editor)
    expect(readDocument(server)).toMatchObject({
      title: 'Typed in the editor',
      severity: 'SEV1',
      symptom: '用户反馈：脚本执行速度 0.6/s，预计要跑 3 天',
    })
  })

  it('moves a list item without losing what is being typed into it', () => {
    const { server, editor } = serverAndEditor()
    const evidence = listOf(editor, 'hypotheses').get(H2)!.get('evidence') as Y.Text
    evidence.insert(evidence.length, '，type=ALL')
    const [h1, h2] = sampleRetro().hypotheses
    applyDocument(server, { ...sampleRetro(), hypotheses: [{ ...h2!, status: 'OPEN' }, h1!] })
    sync(server, editor)
    const { hypotheses } = readDocument(editor)
    expect(hypotheses.map((h) => h.id)).toEqual([H2, H1])
    expect(hypotheses[0]).toMatchObject({ status: 'OPEN', evidence: 'EXPLAIN 全表扫描，type=ALL' })
  })

  it('adds and removes list items by id, keeping an item another person adds meanwhile', () => {
    const { server, editor } = serverAndEditor()
    const theirs = '0b7e3f0e-0000-4000-8000-0000000000c1'
    const mine = '0b7e3f0e-0000-4000-8000-0000000000c2'
    const added = { ...sampleRetro(), lessons: [{ id: theirs, text: '每个 schema 变更指定一名负责人' }] }
    applyDocument(editor, added)
    applyDocument(server, {
      ...sampleRetro(),
      lessons: [...sampleRetro().lessons, { id: mine, text: '缓存从主库重建' }],
      hypotheses: sampleRetro().hypotheses.slice(1),
    })
    sync(server, editor)
    const merged = readDocument(server)
    expect(readDocument(editor)).toEqual(merged)
    expect(merged.hypotheses.map((h) => h.id)).toEqual([H2])
    // The editor removed L1 and added theirs; the PUT kept L1 unchanged and added mine.
    expect(merged.lessons.map((l) => l.id).sort()).toEqual([mine, theirs].sort())
    expect(merged.lessons.find((l) => l.id === L1)).toBeUndefined()
  })

  it('never splits an emoji when only half of its surrogate pair changes', () => {
    const ydoc = toYDoc({ ...sampleRetro(), summary: '上线 😀 回滚' })
    applyDocument(ydoc, { ...sampleRetro(), summary: '上线 😃 回滚' })
    expect(readDocument(replicaOf(ydoc)).summary).toBe('上线 😃 回滚')
  })
})

describe('applyDocumentSince: a PUT based on what the script read earlier', () => {
  it('keeps text typed after the script read the document, even text already on the server', () => {
    const server = toYDoc(sampleRetro(), new Y.Doc({ gc: false }))
    const editor = replicaOf(server)
    const read = Y.snapshot(server) // the script GETs the document here
    textOf(editor, 'rootCause').insert('uid '.length, '（user_log 表的）')
    scalarsOf(editor).set('severity', 'SEV1')
    sync(server, editor) // the editor's typing reaches the server before the PUT
    applyDocumentSince(server, read, {
      ...sampleRetro(),
      title: '初始化脚本慢：uid 缺索引',
      rootCause: 'uid 没有建索引，每条都全表扫描',
    })
    sync(server, editor)
    for (const replica of [server, editor])
      expect(readDocument(replica)).toMatchObject({
        title: '初始化脚本慢：uid 缺索引',
        severity: 'SEV1',
        rootCause: 'uid （user_log 表的）没有建索引，每条都全表扫描',
      })
  })
})

describe('concurrent whole-document writes', () => {
  const fields = Object.keys(sampleRetro()) as (keyof PostmortemDocument)[]
  /** `base` with the chosen fields taken from `from`. */
  const withFields = (base: PostmortemDocument, from: PostmortemDocument, chosen: Set<string>) =>
    Object.fromEntries(
      fields.map((field) => [field, chosen.has(field) ? from[field] : base[field]]),
    ) as PostmortemDocument

  it('converges: two replicas that apply any two documents at once read the same afterwards', () => {
    fc.assert(
      fc.property(arbitraryDocument, arbitraryDocument, arbitraryDocument, (base, mine, theirs) => {
        const { server, editor } = serverAndEditor(base)
        applyDocument(editor, mine)
        applyDocument(server, theirs)
        sync(server, editor)
        expect(readDocument(editor)).toEqual(readDocument(server))
      }),
      { numRuns: 60 },
    )
  })

  it('keeps both when a person and a script change different fields, whatever the fields', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        arbitraryDocument,
        arbitraryDocument,
        fc.shuffledSubarray(fields),
        fc.nat(),
        (base, mine, theirs, shuffled, cut) => {
          const at = cut % (shuffled.length + 1)
          const myFields = new Set<string>(shuffled.slice(0, at))
          const theirFields = new Set<string>(shuffled.slice(at))
          const server = toYDoc(base, new Y.Doc({ gc: false }))
          const editor = replicaOf(server)
          const read = Y.snapshot(server)
          applyDocument(editor, withFields(base, mine, myFields))
          sync(server, editor)
          applyDocumentSince(server, read, withFields(base, theirs, theirFields))
          sync(server, editor)
          const expected = withFields(withFields(base, mine, myFields), theirs, theirFields)
          expect(readDocument(server)).toEqual(expected)
          expect(readDocument(editor)).toEqual(expected)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('placeItems: order keys for a list in the document’s order', () => {
  it('keeps the keys already in order and gives the others keys between their neighbours', () => {
    expect(placeItems(['b', 'd', 'f'])).toEqual(['b', 'd', 'f'])
    const moved = placeItems(['f', 'b', 'd'])
    expect(moved.slice(1)).toEqual(['b', 'd'])
    expect(moved[0]! < 'b').toBe(true)
    const added = placeItems(['b', null, null, 'd'])
    expect(added[0]).toBe('b')
    expect(added[3]).toBe('d')
    expect([...added].sort()).toEqual(added)
    const tied = placeItems(['b', 'b'])
    expect(tied[0]! < tied[1]!).toBe(true)
  })
})
