import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterPaint } from './after-paint'

// The browser's frames, drawn when the test says so.
let frames = new Map<number, () => void>()
let nextFrame = 0
function drawFrame() {
  const callbacks = [...frames.values()]
  frames = new Map()
  for (const callback of callbacks) callback()
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    frames.set(++nextFrame, callback)
    return nextFrame
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  frames = new Map()
})

describe('afterPaint', () => {
  it('hands over what one frame shows together, in the task after that frame', () => {
    const handOver = vi.fn()
    const outbox = afterPaint<string>(handOver)
    outbox.push('t')
    outbox.push('h')
    outbox.push('e')
    vi.advanceTimersByTime(0)
    expect(handOver).not.toHaveBeenCalled()
    drawFrame()
    expect(handOver).not.toHaveBeenCalled()
    vi.advanceTimersByTime(0)
    expect(handOver).toHaveBeenCalledExactlyOnceWith(['t', 'h', 'e'])

    outbox.push('n')
    drawFrame()
    vi.advanceTimersByTime(0)
    expect(handOver).toHaveBeenLastCalledWith(['n'])
    expect(handOver).toHaveBeenCalledTimes(2)
  })

  it('does not wait long for a frame that does not come (a hidden tab)', () => {
    const handOver = vi.fn()
    afterPaint<string>(handOver).push('typed in the background')
    vi.advanceTimersByTime(99)
    expect(handOver).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(handOver).toHaveBeenCalledExactlyOnceWith(['typed in the background'])
    drawFrame()
    vi.runAllTimers()
    expect(handOver).toHaveBeenCalledTimes(1)
  })

  it('hands over at once when flushed (the page goes away), and never twice', () => {
    const handOver = vi.fn()
    const outbox = afterPaint<string>(handOver)
    outbox.flush()
    expect(handOver).not.toHaveBeenCalled()
    outbox.push('last words')
    outbox.flush()
    expect(handOver).toHaveBeenCalledExactlyOnceWith(['last words'])
    drawFrame()
    vi.runAllTimers()
    expect(handOver).toHaveBeenCalledTimes(1)
  })
})
