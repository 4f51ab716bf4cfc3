import { describe, expect, it } from 'vitest'
import { API_TOKEN_REQUESTS_PER_MINUTE, tokenRetryAfter } from './api-token-rate-limit'

describe('tokenRetryAfter', () => {
  it('lets a token make the allowed requests in a minute, then says how long to wait', () => {
    const t0 = 5_000_000
    const header = 'Bearer hs_unit-test-token-a'
    for (let i = 0; i < API_TOKEN_REQUESTS_PER_MINUTE; i++) expect(tokenRetryAfter(header, t0 + i)).toBe(0)
    expect(tokenRetryAfter(header, t0 + 30_000)).toBe(30)
    // Another token is counted on its own; the next minute starts afresh.
    expect(tokenRetryAfter('Bearer hs_unit-test-token-b', t0 + 30_000)).toBe(0)
    expect(tokenRetryAfter(header, t0 + 60_001)).toBe(0)
  })

  it('never limits requests without a bearer token', () => {
    for (let i = 0; i < API_TOKEN_REQUESTS_PER_MINUTE + 5; i++) {
      expect(tokenRetryAfter(null)).toBe(0)
      expect(tokenRetryAfter('Basic abc')).toBe(0)
    }
  })
})
