import type { ChildProcess } from 'node:child_process'

/**
 * Stops a server started with `detached: true` and everything it spawned (npx, start.ts,
 * next): SIGTERM to the group, then SIGKILL after 10 s if it has not exited.
 */
export async function stopProcessGroup(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  kill('SIGTERM')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  kill('SIGKILL')
}
