import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAnchors, passageRange } from './comment-anchors'

/** Two replicas of one document, each change sent to the other (two people editing). */
function replicas(text: string) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u))
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u))
  a.getText('rootCause').insert(0, text)
  return { a, b }
}
const quoteOf = (ydoc: Y.Doc, range: { from: number; to: number } | null) =>
  range ? ydoc.getText('rootCause').toString().slice(range.from, range.to) : null

describe('comment anchors', () => {
  it('follow the passage while another person edits around and inside it', () => {
    const { a, b } = replicas('The replica lagged behind the primary.')
    const text = a.getText('rootCause')
    const from = text.toString().indexOf('lagged behind')
    const thread = { field: 'rootCause' as const, itemId: null, ...encodeAnchors(text, from, from + 13) }

    b.getText('rootCause').insert(0, '夜间备份时，')
    expect(quoteOf(a, passageRange(a, thread))).toBe('lagged behind')
    b.getText('rootCause').insert(b.getText('rootCause').toString().indexOf('behind'), 'far ')
    expect(quoteOf(b, passageRange(b, thread))).toBe('lagged far behind')
    // Typed right at either edge: outside the passage.
    const t = b.getText('rootCause')
    t.insert(t.toString().indexOf('lagged'), 'had ')
    t.insert(t.toString().indexOf(' the primary'), '!')
    expect(quoteOf(a, passageRange(a, thread))).toBe('lagged far behind')
  })

  it('lose the passage when all its text is deleted', () => {
    const { a, b } = replicas('The replica lagged behind the primary.')
    const text = a.getText('rootCause')
    const thread = { field: 'rootCause' as const, itemId: null, ...encodeAnchors(text, 12, 25) }
    b.getText('rootCause').delete(4, 22)
    expect(passageRange(a, thread)).toBeNull()
  })

  it('find a list item’s text, and nothing once the item is removed', () => {
    const ydoc = new Y.Doc()
    const item = new Y.Map<unknown>()
    ydoc.getMap('hypotheses').set('h1', item)
    const evidence = new Y.Text('CPU at 100% on replica 2')
    item.set('evidence', evidence)
    const thread = { field: 'hypotheses.evidence' as const, itemId: 'h1', ...encodeAnchors(evidence, 0, 3) }
    expect(passageRange(ydoc, thread)).toEqual({ from: 0, to: 3 })
    expect(passageRange(ydoc, { ...thread, field: 'rootCause', itemId: null })).toBeNull()
    ydoc.getMap('hypotheses').delete('h1')
    expect(passageRange(ydoc, thread)).toBeNull()
  })
})
