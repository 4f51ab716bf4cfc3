import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

describe('inIdleTurn', () => {
  let idle: (() => void)[]
  beforeEach(() => {
    idle = []
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run))
    vi.resetModules()
  })
  afterEach(() => vi.unstubAllGlobals())

  /** Runs the browser's next idle period; false when nothing waited for one. */
  const nextIdlePeriod = () => {
    const run = idle.shift()
    run?.()
    return Boolean(run)
  }

  it('runs the queued pieces in order, a few per idle period, and none that was taken out', async () => {
    const { inIdleTurn } = await import('./idle-turns')
    const ran: number[] = []
    const cancels = Array.from({ length: 20 }, (_, i) => inIdleTurn(() => ran.push(i)))
    cancels[3]!()
    expect(ran).toEqual([])

    expect(nextIdlePeriod()).toBe(true)
    expect(ran).toEqual([0, 1, 2, 4, 5, 6, 7, 8])
    expect(nextIdlePeriod()).toBe(true)
    expect(ran).toHaveLength(16)
    expect(nextIdlePeriod()).toBe(true)
    expect(ran).toEqual([0, 1, 2, ...Array.from({ length: 16 }, (_, i) => i + 4)])
    // Nothing left: no idle period is asked for.
    expect(nextIdlePeriod()).toBe(false)
  })

  it('asks for another idle period when a piece is queued after the queue ran dry', async () => {
    const { inIdleTurn } = await import('./idle-turns')
    const ran: string[] = []
    inIdleTurn(() => ran.push('first'))
    expect(nextIdlePeriod()).toBe(true)
    inIdleTurn(() => ran.push('later'))
    expect(nextIdlePeriod()).toBe(true)
    expect(ran).toEqual(['first', 'later'])
  })

  it('waits while someone types, and goes on once they pause; moving around does not hold it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] })
    const page = new EventTarget()
    vi.stubGlobal('document', page)
    const touch = Object.assign(new Event('pointerdown'), { pointerType: 'touch' })
    try {
      const { inIdleTurn } = await import('./idle-turns')
      const ran: number[] = []
      for (let i = 0; i < 3; i++) inIdleTurn(() => ran.push(i))
      page.dispatchEvent(new Event('beforeinput'))
      // Text typed 100 ms apart for two seconds: the idle periods between the keys run nothing.
      for (let key = 0; key < 20; key++) {
        nextIdlePeriod()
        vi.advanceTimersByTime(100)
        page.dispatchEvent(new Event('beforeinput'))
      }
      expect(ran).toEqual([])
      // A pause: the turn comes once the typing has been quiet long enough.
      vi.advanceTimersByTime(300)
      expect(nextIdlePeriod()).toBe(true)
      expect(ran).toEqual([0, 1, 2])

      // Tab presses (keys that edit nothing) and a touch that starts a scroll: the turns go on.
      inIdleTurn(() => ran.push(3))
      page.dispatchEvent(new Event('keydown'))
      page.dispatchEvent(touch)
      expect(nextIdlePeriod()).toBe(true)
      expect(ran).toEqual([0, 1, 2, 3])
    } finally {
      vi.useRealTimers()
    }
  })
})
