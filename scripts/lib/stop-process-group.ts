import type { ChildProcess } from 'node:child_process'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** True while the process is alive (signal 0 only checks). */
export function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** True while any process of the group is alive (signal 0 only checks). */
function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops a server started with `detached: true` and everything it spawned (npx, start.ts,
 * next): SIGTERM to the group, then SIGKILL after 10 s, and returns only when no process of
 * the group is left — the direct child can exit before the server it started, which would
 * still hold the port and the embedded database's files.
 */
export async function stopProcessGroup(child: ChildProcess | undefined) {
  const pgid = child?.pid
  if (!pgid || !groupAlive(pgid)) return
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal)
    } catch {
      // already gone
    }
  }
  kill('SIGTERM')
  for (let waited = 0; groupAlive(pgid) && waited < 10_000; waited += 100) await sleep(100)
  kill('SIGKILL')
  for (let waited = 0; groupAlive(pgid) && waited < 10_000; waited += 100) await sleep(100)
}
