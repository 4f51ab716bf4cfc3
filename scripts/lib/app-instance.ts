// A production instance of the app (scripts/start.ts on the built app) in a process group of
// its own, for the load tests and benchmarks: started, asked for its memory, stopped or killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync } from 'node:fs'
import { stopProcessGroup } from './stop-process-group'

export type AppInstance = {
  url: string
  process: ChildProcess
  alive: boolean
  /** Heap in use after a full collection, and resident memory (bytes). */
  memory(): Promise<{ heapUsed: number; rss: number }>
  /** SIGKILL to the whole group: the instance vanishes mid-sentence, as when a machine dies. */
  kill(): void
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts an instance on `port` and resolves once it answers /api/health. */
export async function startInstance(
  port: number,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<AppInstance> {
  const url = `http://localhost:${port}`
  const log = openSync(logFile, 'w')
  const child = spawn('npx', ['tsx', 'scripts/start.ts', '--port', String(port)], {
    // HINDSIGHT_BENCH_MEMORY: scripts/server.ts answers GET /__bench/memory.
    env: { ...env, HINDSIGHT_BENCH_MEMORY: '1' },
    stdio: ['ignore', log, log],
    detached: true,
  })
  const instance: AppInstance = {
    url,
    process: child,
    alive: true,
    async memory() {
      const response = await fetch(`${url}/__bench/memory`)
      if (!response.ok) throw new Error(`${url}/__bench/memory: HTTP ${response.status}`)
      return (await response.json()) as { heapUsed: number; rss: number }
    },
    kill() {
      instance.alive = false
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    },
    async stop() {
      instance.alive = false
      await stopProcessGroup(child)
    },
  }
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return instance
    if (i > 600 || child.exitCode !== null) {
      await instance.stop()
      throw new Error(`the server on ${url} did not start (see ${logFile})`)
    }
    await sleep(500)
  }
}
