import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { arbitraryDocument } from '@/test/arbitrary-document'
import { H1, H2, sampleRetro as retro } from '@/test/sample-retro'
import { replicaOf, sync } from '@/test/yjs-replicas'
import { emptyDocument } from '@/server/postmortems/schemas'
import {
  itemFields,
  listFields,
  listOf,
  newItem,
  readDocument,
  scalarFields,
  scalarsOf,
  setFields,
  setOf,
  textFields,
  textOf,
  toYDoc,
} from './postmortem-ydoc'
import { keyBetween } from './position-keys'

describe('the shared document: a postmortem as a Y.Doc', () => {
  it('gives every field of the document and of each list item exactly one place', () => {
    const doc = retro()
    const placed = [...textFields, ...scalarFields, ...setFields, ...listFields]
    expect([...placed].sort()).toEqual(Object.keys(doc).sort())
    expect(new Set(placed).size).toBe(placed.length)
    for (const list of listFields) {
      const { texts, values } = itemFields[list]
      expect(['id', ...texts, ...values].sort(), list).toEqual(Object.keys(doc[list][0]!).sort())
    }
  })

  it('reads back the document it was made from: Chinese, Markdown, empty lists and empty texts', () => {
    expect(readDocument(toYDoc(retro()))).toEqual(retro())
    const empty = emptyDocument('Untitled')
    expect(readDocument(toYDoc(empty))).toEqual(empty)
  })

  it('reads back any valid document, also after travelling as an update', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const ydoc = toYDoc(document)
        expect(readDocument(ydoc)).toEqual(document)
        expect(readDocument(replicaOf(ydoc))).toEqual(document)
      }),
      { numRuns: 150 },
    )
  })

  it('keeps both edits when two people change different fields at once', () => {
    const alice = toYDoc(retro())
    const bob = replicaOf(alice)
    scalarsOf(alice).set('title', '初始化脚本慢：uid 缺索引')
    textOf(bob, 'resolution').insert(0, '临时给 uid 加索引')
    scalarsOf(bob).set('severity', 'SEV1')
    sync(alice, bob)
    for (const replica of [alice, bob])
      expect(readDocument(replica)).toMatchObject({
        title: '初始化脚本慢：uid 缺索引',
        resolution: '临时给 uid 加索引',
        severity: 'SEV1',
      })
  })

  it('keeps both people’s typing when they type into the same text at the same moment', () => {
    const alice = toYDoc(retro())
    const bob = replicaOf(alice)
    textOf(alice, 'rootCause').insert(0, '初始化脚本按 ')
    textOf(bob, 'rootCause').insert('uid 没有建索引'.length, '，全表扫描')
    sync(alice, bob)
    expect(readDocument(alice).rootCause).toBe('初始化脚本按 uid 没有建索引，全表扫描')
    expect(readDocument(bob)).toEqual(readDocument(alice))
  })

  it('keeps both new list items, tags and edits inside one item, in the same order everywhere', () => {
    const alice = toYDoc(retro())
    const bob = replicaOf(alice)
    const last = (ydoc: Y.Doc) => String(listOf(ydoc, 'hypotheses').get(H2)!.get('position'))
    const added = (id: string, statement: string) => ({
      id,
      statement,
      status: 'OPEN' as const,
      evidence: '',
    })
    const A = '0b7e3f0e-0000-4000-8000-0000000000a1'
    const B = '0b7e3f0e-0000-4000-8000-0000000000b1'
    listOf(alice, 'hypotheses').set(
      A,
      newItem('hypotheses', added(A, '缓存未预热'), keyBetween(last(alice), null)),
    )
    listOf(bob, 'hypotheses').set(
      B,
      newItem('hypotheses', added(B, '连接池耗尽'), keyBetween(last(bob), null)),
    )
    setOf(alice, 'tags').set('索引', true)
    setOf(bob, 'tags').set('初始化脚本', true)
    ;(listOf(alice, 'hypotheses').get(H1)!.get('evidence') as Y.Text).insert(0, '152 与 151 ')
    listOf(bob, 'hypotheses').get(H1)!.set('status', 'OPEN')
    sync(alice, bob)

    const merged = readDocument(alice)
    expect(readDocument(bob)).toEqual(merged)
    expect(merged.hypotheses.map((h) => h.statement)).toEqual(
      expect.arrayContaining(['主从问题', '索引问题', '缓存未预热', '连接池耗尽']),
    )
    expect(merged.hypotheses.slice(0, 2).map((h) => h.id)).toEqual([H1, H2])
    expect(merged.hypotheses[0]).toMatchObject({ status: 'OPEN', evidence: '152 与 151 查主库依然 0.6/s' })
    expect(merged.tags).toEqual(['mysql', '上线', '初始化脚本', '索引'].sort())
  })
})
