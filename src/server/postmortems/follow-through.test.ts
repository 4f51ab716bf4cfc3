import { describe, expect, it } from 'vitest'
import { daysOverdue, documentClosingProblem, hasEvidence, policyDueDate } from './follow-through'

describe('follow-through rules', () => {
  it('count the due day from the UTC day an item was created', () => {
    expect(policyDueDate(new Date('2026-03-01T23:30:00Z'), 14)?.toISOString()).toBe(
      '2026-03-15T00:00:00.000Z',
    )
    expect(policyDueDate(new Date('2026-03-01T23:30:00Z'), null)).toBeNull()
  })

  it('call an item overdue only once its due day is over, in whole days', () => {
    const due = new Date('2026-03-15T00:00:00Z')
    expect(daysOverdue(due, new Date('2026-03-15T23:59:59Z'))).toBeNull()
    expect(daysOverdue(due, new Date('2026-03-16T00:00:00Z'))).toBe(1)
    expect(daysOverdue(due, new Date('2026-03-25T12:00:00Z'))).toBe(10)
    expect(daysOverdue(null, new Date('2030-01-01T00:00:00Z'))).toBeNull()
  })

  it('take a link or both sides of a figure as evidence', () => {
    expect(hasEvidence({ link: 'https://example.com', before: null, after: null })).toBe(true)
    expect(hasEvidence({ link: null, before: '0.6/s', after: '80/s' })).toBe(true)
    expect(hasEvidence({ link: null, before: '0.6/s', after: null })).toBe(false)
  })

  it('let a document save close an item only where nothing more is needed', () => {
    const strict = { evidenceRequired: true }
    const lax = { evidenceRequired: false }
    expect(documentClosingProblem('OPEN', 'DONE', strict)).toBe('closeWithEvidence')
    expect(documentClosingProblem('IN_PROGRESS', 'DONE', lax)).toBeNull()
    expect(documentClosingProblem('OPEN', 'CANCELLED', lax)).toBe('closeWithReason')
    expect(documentClosingProblem('DONE', 'DONE', strict)).toBeNull()
    expect(documentClosingProblem('DONE', 'OPEN', strict)).toBeNull()
    expect(documentClosingProblem(undefined, 'DONE', strict)).toBeNull()
  })
})
