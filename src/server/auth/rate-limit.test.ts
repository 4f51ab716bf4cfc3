import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit'

describe('createRateLimiter', () => {
  it('allows max attempts in a window, then says how long to wait', () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 })
    const t0 = 1_000_000
    expect([1, 2, 3].map((i) => limiter.hit('a', t0 + i))).toEqual([0, 0, 0])
    expect(limiter.hit('a', t0 + 10_001)).toBe(50)
    expect(limiter.hit('b', t0 + 10_000)).toBe(0)
  })

  it('starts a new window once the old one ends, and forgets a key on reset', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1_000 })
    expect(limiter.hit('a', 0)).toBe(0)
    expect(limiter.hit('a', 10)).toBeGreaterThan(0)
    expect(limiter.hit('a', 1_001)).toBe(0)
    expect(limiter.hit('a', 1_002)).toBeGreaterThan(0)
    limiter.reset('a')
    expect(limiter.hit('a', 1_003)).toBe(0)
  })
})
