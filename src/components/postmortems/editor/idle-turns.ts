/**
 * Work the browser does a few pieces at a time when it is idle, in the order it was asked for:
 * the entries of a long list past its first screen (list-editor.tsx). A piece that renders (a
 * state update) is drawn in the task after its turn, so a keystroke or a click waits for at
 * most one turn's pieces, never for all of them. While someone types, or clicks with a mouse or
 * a pen, the turns wait until they pause (`QUIET_MS`): each key would otherwise find a turn's
 * render ahead of it. Keys that do not edit (Tab, arrows, Page Down) and touches, which start
 * scrolls, do not hold the turns back: they are how someone gets to the entries.
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
  const options = { capture: true, passive: true }
  // Every edit: a key, a paste, an input method's text, dictation.
  document.addEventListener('beforeinput', note, options)
  document.addEventListener(
    'pointerdown',
    (event) => (event as PointerEvent).pointerType !== 'touch' && note(),
    options,
  )
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
