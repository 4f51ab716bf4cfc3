import { describe, expect, it } from 'vitest'
import { readinessOf, unowned, type ReadinessCheck } from './readiness'

const ann = { id: 'u1', name: 'Ann' }
const check = (status: ReadinessCheck['status'], required = true, owner: ReadinessCheck['owner'] = ann) => ({
  id: Math.random().toString(36),
  text: `check ${status}`,
  required,
  status,
  owner,
})

describe('readiness', () => {
  it('is ready when every required check is PASS, NA or WAIVED', () => {
    const r = readinessOf([check('PASS'), check('NA'), check('WAIVED')])
    expect(r.ready).toBe(true)
    expect(r.counts).toEqual({ pass: 1, fail: 0, na: 1, waived: 1, pending: 0 })
    expect(r.blocking).toEqual([])
  })

  it('is blocked by a required check that is PENDING or FAIL, and lists it with its owner', () => {
    const pending = check('PENDING')
    const failed = check('FAIL', true, { id: 'u2', name: 'Bo' })
    const r = readinessOf([check('PASS'), pending, failed])
    expect(r.ready).toBe(false)
    expect(r.blocking.map((b) => [b.id, b.owner?.name])).toEqual([
      [pending.id, 'Ann'],
      [failed.id, 'Bo'],
    ])
    expect(r.counts).toMatchObject({ pending: 1, fail: 1, pass: 1 })
  })

  it('does not wait for optional checks', () => {
    expect(readinessOf([check('PASS'), check('PENDING', false), check('FAIL', false)]).ready).toBe(true)
  })

  it('is not ready with an empty checklist', () => {
    expect(readinessOf([]).ready).toBe(false)
  })

  it('finds the checks without an owner', () => {
    const orphan = check('PENDING', true, null)
    expect(unowned([check('PENDING'), orphan])).toEqual([orphan])
  })
})
