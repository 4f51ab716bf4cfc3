import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './errors'

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable database, also when wrapped', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true)
    expect(
      isDatabaseUnavailable(new Error('x', { cause: { code: '57P01', message: 'terminating connection' } })),
    ).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
  })

  it('does not mistake other errors for an outage', () => {
    expect(isDatabaseUnavailable(new Error('Unique constraint failed'))).toBe(false)
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key' })).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
  })
})
