import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { insertionPoint, markerOf, markersIn, missingMarkers } from './markers'

describe('bench:collab markers', () => {
  it('are found whole in a text, and a missing one is named', () => {
    const text = `${markerOf(1, 0)} 根因 ${markerOf(12, 3)} `
    expect(markersIn(text)).toEqual(['⟦a1-0⟧', '⟦a12-3⟧'])
    expect(missingMarkers([markerOf(1, 0), markerOf(2, 0)], [text])).toEqual(['⟦a2-0⟧'])
  })

  it('go only where a word starts, so authors typing at once never split one', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const typed: string[] = []
    for (let n = 0; n < 60; n++)
      for (const [author, doc] of [a, b].entries()) {
        const text = doc.getText('rootCause')
        const marker = markerOf(author, n)
        typed.push(marker)
        text.insert(insertionPoint(text.toString(), Math.random()), `${marker} `)
        // Every few edits the two copies exchange what they have (concurrent inserts between).
        if (n % 3 === 0) {
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
        }
      }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const merged = a.getText('rootCause').toString()
    expect(merged).toBe(b.getText('rootCause').toString())
    expect(missingMarkers(typed, [merged])).toEqual([])
    expect(markersIn(merged)).toHaveLength(typed.length)
  })

  it('picks the start, a place after a space, or the end', () => {
    expect(insertionPoint('', 0.7)).toBe(0)
    expect(insertionPoint('⟦a1-0⟧ ⟦a1-1⟧ ', 0)).toBe(0)
    expect(insertionPoint('⟦a1-0⟧ ⟦a1-1⟧ ', 0.99)).toBe(14)
  })
})
