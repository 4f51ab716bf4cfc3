import { describe, expect, it } from 'vitest'
import { postmortemDocument } from '@/server/postmortems/schemas'
import { keepUnchanged } from './keep-unchanged'

const doc = postmortemDocument.parse({
  title: 'Checkout outage',
  rootCause: 'The pool ran dry.',
  hypotheses: [
    { id: '00000000-0000-4000-8000-000000000001', statement: 'A bad deploy' },
    { id: '00000000-0000-4000-8000-000000000002', statement: '连接池被打满' },
  ],
  timeline: [{ id: '00000000-0000-4000-8000-000000000003', kind: 'OBSERVATION', text: 'Errors rose' }],
})
const copy = () => structuredClone(doc)

describe('keepUnchanged: the document after a change keeps what did not change', () => {
  it('returns the earlier document itself when nothing changed', () => {
    expect(keepUnchanged(doc, copy())).toBe(doc)
  })

  it('keeps unchanged lists and entries, takes the changed ones', () => {
    const typed = { ...copy(), rootCause: 'The pool ran dry at peak.' }
    const next = keepUnchanged(doc, typed)
    expect(next.rootCause).toBe('The pool ran dry at peak.')
    expect(next.hypotheses).toBe(doc.hypotheses)
    expect(next.timeline).toBe(doc.timeline)

    const edited = copy()
    edited.hypotheses[1]!.statement = '连接池被打满了'
    const after = keepUnchanged(doc, edited)
    expect(after.hypotheses).not.toBe(doc.hypotheses)
    expect(after.hypotheses[0]).toBe(doc.hypotheses[0])
    expect(after.hypotheses[1]!.statement).toBe('连接池被打满了')
    expect(after.timeline).toBe(doc.timeline)
  })

  it('sees an entry removed or moved', () => {
    const removed = { ...copy(), hypotheses: [copy().hypotheses[1]!] }
    expect(keepUnchanged(doc, removed).hypotheses.map((h) => h.id)).toEqual([
      '00000000-0000-4000-8000-000000000002',
    ])
    const moved = { ...copy(), hypotheses: [...copy().hypotheses].reverse() }
    const next = keepUnchanged(doc, moved)
    expect(next.hypotheses).not.toBe(doc.hypotheses)
    expect(next.hypotheses[0]).toBe(doc.hypotheses[1])
  })
})
