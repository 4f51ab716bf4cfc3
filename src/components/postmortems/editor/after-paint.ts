/** How long a batch waits for a frame that may not come: a hidden tab draws none. */
const NO_FRAME_MS = 100

/**
 * Collects items and hands them over together once the browser has drawn the next frame. Work a
 * keystroke causes that the person does not see (storing the edit, sending it) then runs after
 * the frame that shows the keystroke instead of before it. `flush` hands over what waits at once
 * (the page is going away).
 */
export function afterPaint<T>(handOver: (items: T[]) => void) {
  let waiting: T[] = []
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    if (!waiting.length) return
    const items = waiting
    waiting = []
    handOver(items)
  }
  return {
    push(item: T) {
      waiting.push(item)
      if (waiting.length > 1) return
      timer = setTimeout(flush, NO_FRAME_MS)
      // A task queued from a frame's callback runs once that frame is drawn.
      frame = requestAnimationFrame(() => {
        clearTimeout(timer)
        timer = setTimeout(flush, 0)
      })
    },
    flush,
  }
}
