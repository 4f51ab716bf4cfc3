/**
 * Work the browser does a few pieces at a time when it is idle, in the order it was asked for:
 * the entries of a long list past its first screen (list-editor.tsx). A piece that renders (a
 * state update) is drawn in the task after its turn, so a keystroke or a click waits for at
 * most one turn's pieces, never for all of them. While someone types or clicks, the turns wait
 * until they pause (`QUIET_MS`): each key would otherwise find a turn's render ahead of it.
 */
const PER_TURN = 8
const QUIET_MS = 300
const queue: (() => void)[] = []
let scheduled = false
let lastInput = -Infinity
let listening = false

function listenForInput() {
  if (listening || typeof document === 'undefined') return
  listening = true
  const note = () => (lastInput = performance.now())
  for (const type of ['keydown', 'beforeinput', 'pointerdown'])
    document.addEventListener(type, note, { capture: true, passive: true })
}

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 16)

function turn() {
  const quietIn = lastInput + QUIET_MS - performance.now()
  if (quietIn > 0) {
    setTimeout(() => whenIdle(turn), quietIn)
    return
  }
  scheduled = false
  for (const run of queue.splice(0, PER_TURN)) run()
  if (queue.length) schedule()
}

function schedule() {
  if (scheduled) return
  scheduled = true
  whenIdle(turn)
}

/** Queues `run` for an idle turn; the returned function takes it out again if it has not run. */
export function inIdleTurn(run: () => void): () => void {
  listenForInput()
  queue.push(run)
  schedule()
  return () => {
    const at = queue.indexOf(run)
    if (at >= 0) queue.splice(at, 1)
  }
}
