import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit'

describe('createRateLimiter (counted in the database)', () => {
  it('allows max attempts in a window, then says how long to wait', async () => {
    const limiter = createRateLimiter({ name: 'test-a', max: 3, windowMs: 60_000 })
    const at = (ms: number) => new Date(1_000_000 + ms)
    for (const i of [1, 2, 3]) expect(await limiter.hit('a', at(i))).toBe(0)
    expect(await limiter.hit('a', at(10_001))).toBe(50)
    expect(await limiter.hit('b', at(10_000))).toBe(0)
  })

  it('starts a new window once the old one ends, and forgets a key on reset', async () => {
    const limiter = createRateLimiter({ name: 'test-b', max: 1, windowMs: 1_000 })
    const at = (ms: number) => new Date(2_000_000 + ms)
    expect(await limiter.hit('a', at(0))).toBe(0)
    expect(await limiter.hit('a', at(10))).toBeGreaterThan(0)
    expect(await limiter.hit('a', at(1_001))).toBe(0)
    expect(await limiter.hit('a', at(1_002))).toBeGreaterThan(0)
    await limiter.reset('a')
    expect(await limiter.hit('a', at(1_003))).toBe(0)
  })

  it('takes an attempt back on refund, never below zero', async () => {
    const limiter = createRateLimiter({ name: 'test-refund', max: 1, windowMs: 60_000 })
    const now = new Date(4_000_000)
    expect(await limiter.hit('a', now)).toBe(0)
    await limiter.refund('a')
    await limiter.refund('a')
    expect(await limiter.hit('a', now)).toBe(0)
    expect(await limiter.hit('a', now)).toBe(60)
  })

  it('counts attempts made at the same moment exactly once each (several server processes)', async () => {
    const limiter = createRateLimiter({ name: 'test-c', max: 10, windowMs: 60_000 })
    const now = new Date(3_000_000)
    const waits = await Promise.all(Array.from({ length: 25 }, () => limiter.hit('k', now)))
    expect(waits.filter((w) => w === 0)).toHaveLength(10)
    expect(waits.filter((w) => w === 60)).toHaveLength(15)
  })

  it('keeps limiters of different names apart', async () => {
    const one = createRateLimiter({ name: 'test-d1', max: 1, windowMs: 60_000 })
    const two = createRateLimiter({ name: 'test-d2', max: 1, windowMs: 60_000 })
    const now = new Date(4_000_000)
    expect(await one.hit('same', now)).toBe(0)
    expect(await two.hit('same', now)).toBe(0)
    expect(await one.hit('same', now)).toBe(60)
  })
})
