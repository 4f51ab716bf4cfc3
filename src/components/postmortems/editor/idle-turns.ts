/**
 * Work the browser does a few pieces at a time when it is idle, in the order it was asked for:
 * the entries of a long list past its first screen (list-editor.tsx). A piece that renders (a
 * state update) is drawn in the task after its turn, so a keystroke or a click waits for at
 * most one turn's pieces, never for all of them.
 */
const PER_TURN = 8
const queue: (() => void)[] = []
let scheduled = false

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 16)

function turn() {
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
  queue.push(run)
  schedule()
  return () => {
    const at = queue.indexOf(run)
    if (at >= 0) queue.splice(at, 1)
  }
}
