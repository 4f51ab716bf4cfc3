import { describe, expect, it } from 'vitest'
import { requestLimits } from '../env'
import { tokenRetryAfter } from './api-token-rate-limit'

const API_TOKEN_REQUESTS_PER_MINUTE = requestLimits().apiToken.max

describe('tokenRetryAfter (counted in the database)', () => {
  it('lets a token make the allowed requests in a minute, then says how long to wait', async () => {
    expect(requestLimits().apiToken).toEqual({ max: 300, windowMs: 60_000 }) // the production default
    const at = (ms: number) => new Date(5_000_000 + ms)
    const header = 'Bearer hs_unit-test-token-a'
    for (let i = 0; i < API_TOKEN_REQUESTS_PER_MINUTE; i++)
      expect(await tokenRetryAfter(header, at(i))).toBe(0)
    expect(await tokenRetryAfter(header, at(30_000))).toBe(30)
    // Another token is counted on its own; the next minute starts afresh.
    expect(await tokenRetryAfter('Bearer hs_unit-test-token-b', at(30_000))).toBe(0)
    expect(await tokenRetryAfter(header, at(60_001))).toBe(0)
  })

  it('never limits requests without a bearer token', async () => {
    for (let i = 0; i < API_TOKEN_REQUESTS_PER_MINUTE + 5; i++) {
      expect(await tokenRetryAfter(null)).toBe(0)
      expect(await tokenRetryAfter('Basic abc')).toBe(0)
    }
  })
})
