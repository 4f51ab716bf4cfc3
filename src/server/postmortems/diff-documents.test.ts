import { describe, expect, it } from 'vitest'
import { canKeepBoth, changedFields, documentFields, keepBoth } from './diff-documents'
import { emptyDocument, type PostmortemDocument } from './schemas'

const base = (): PostmortemDocument => ({
  ...emptyDocument('Replica lag'),
  symptom: 'orders stuck',
  tags: ['mysql', '上线'],
  hypotheses: [
    { id: 'h1', statement: 'DNS cache', status: 'OPEN', evidence: '' },
    { id: 'h2', statement: 'pool exhausted', status: 'OPEN', evidence: '' },
  ],
  lessons: [{ id: 'l1', text: 'Rehearse failover' }],
})

describe('changedFields: what a revision changed, as the history lists it', () => {
  it('lists nothing for an identical document, even a copy', () => {
    expect(changedFields(base(), structuredClone(base()))).toEqual([])
  })

  it('lists each changed field once, in the order the editor shows them', () => {
    const after = {
      ...base(),
      lessons: [{ id: 'l1', text: 'Rehearse failover monthly' }],
      title: 'Replica lag on failover',
      severity: 'SEV1' as const,
      symptom: 'orders stuck for 20 minutes',
    }
    expect(changedFields(base(), after)).toEqual(['title', 'severity', 'symptom', 'lessons'])
  })

  it('sees a change inside a list item, a new item and a reorder', () => {
    const [h1, h2] = base().hypotheses
    expect(changedFields(base(), { ...base(), hypotheses: [h1!, { ...h2!, status: 'CONFIRMED' }] })).toEqual([
      'hypotheses',
    ])
    expect(changedFields(base(), { ...base(), hypotheses: [h2!, h1!] })).toEqual(['hypotheses'])
    expect(changedFields(base(), { ...base(), tags: ['mysql'] })).toEqual(['tags'])
  })

  it('covers every field of a document', () => {
    expect([...documentFields].sort()).toEqual(Object.keys(base()).sort())
  })
})

describe('keepBoth: two people edited the same field at once', () => {
  it('keeps both texts, theirs first, and one copy when they are the same', () => {
    const theirs = { ...base(), symptom: 'orders stuck' }
    const mine = { ...base(), symptom: 'checkout timed out' }
    expect(keepBoth('symptom', mine, theirs)).toBe('orders stuck\n\ncheckout timed out')
    expect(keepBoth('symptom', mine, { ...base(), symptom: '  checkout timed out ' })).toBe(
      'checkout timed out',
    )
    expect(keepBoth('symptom', { ...base(), symptom: '' }, theirs)).toBe('orders stuck')
  })

  it('keeps every tag of both, once', () => {
    expect(
      keepBoth('tags', { ...base(), tags: ['mysql', 'failover'] }, { ...base(), tags: ['上线', 'mysql'] }),
    ).toEqual(['上线', 'mysql', 'failover'])
  })

  it('keeps every list item of both; an item both changed takes my version', () => {
    const [h1, h2] = base().hypotheses
    const theirs = {
      ...base(),
      hypotheses: [
        { ...h1!, status: 'ELIMINATED' as const },
        h2!,
        { id: 'h3', statement: 'disk', status: 'OPEN' as const, evidence: '' },
      ],
    }
    const mine = {
      ...base(),
      hypotheses: [
        { ...h1!, evidence: 'TTL is 5 s' },
        { ...h2!, status: 'CONFIRMED' as const },
        { id: 'h4', statement: 'GC pause', status: 'OPEN' as const, evidence: '' },
      ],
    }
    expect(keepBoth('hypotheses', mine, theirs).map((h) => [h.id, h.status, h.evidence])).toEqual([
      ['h1', 'OPEN', 'TTL is 5 s'],
      ['h2', 'CONFIRMED', ''],
      ['h3', 'OPEN', ''],
      ['h4', 'OPEN', ''],
    ])
  })

  it('offers "keep both" for texts, tags and lists only; a single value is one or the other', () => {
    expect(documentFields.filter(canKeepBoth)).toEqual([
      'tags',
      'services',
      'factors',
      'summary',
      'detection',
      'symptom',
      'impact',
      'hypotheses',
      'timeline',
      'rootCause',
      'resolution',
      'verification',
      'openQuestions',
      'lessons',
      'actionItems',
    ])
    expect(keepBoth('severity', { ...base(), severity: 'SEV1' }, { ...base(), severity: 'SEV3' })).toBe(
      'SEV1',
    )
  })
})
