// The server the database-outage test runs against: the production build on a private
// Postgres cluster (own folder, own port) that the test stops and starts again.
// Always stops the cluster and deletes its folder when it ends.
import { spawn } from 'node:child_process'
import { createCluster, privateCluster, removeCluster } from './lib/private-postgres'
import { isAlive } from './lib/stop-process-group'

const port = process.env.OUTAGE_PORT ?? '3410'
// Port and folder of the cluster: playwright.outage.config.ts hands the spec the same ones.
const cluster = privateCluster(
  Number(process.env.OUTAGE_PG_PORT ?? 5499),
  process.env.OUTAGE_PG_DIR || undefined,
)

async function main() {
  await createCluster(cluster)
  // In this process group: Playwright stops the whole group when the tests end.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', port], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: cluster.url },
  })
  let stopping = false
  const stop = (code: number) => {
    if (stopping) return
    stopping = true
    server.kill('SIGTERM') // start.ts passes it on to the Next server
    removeCluster(cluster)
    process.exit(code)
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(0))
  server.on('exit', (code) => stop(code ?? 0))
  // A Playwright runner that is killed outright stops nobody: stop when it is gone.
  const runner = Number(process.env.OUTAGE_RUNNER_PID)
  if (runner) setInterval(() => isAlive(runner) || stop(1), 2_000).unref()
}

main().catch((error: unknown) => {
  console.error(error)
  removeCluster(cluster)
  process.exit(1)
})
