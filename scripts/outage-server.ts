// The server the database-outage test runs against: the production build on a private
// Postgres cluster (own folder, own port) that the test stops and starts again.
// Always stops the cluster and deletes its folder when it ends.
import { spawn } from 'node:child_process'
import { createCluster, privateCluster, removeCluster } from './lib/private-postgres'

const port = process.env.OUTAGE_PORT ?? '3410'
const pgPort = Number(process.env.OUTAGE_PG_PORT ?? 5499)

async function main() {
  const cluster = await createCluster(pgPort)
  // In this process group: Playwright stops the whole group when the tests end.
  const server = spawn('npx', ['tsx', 'scripts/start.ts', '--port', port], {
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
}

main().catch((error: unknown) => {
  console.error(error)
  removeCluster(privateCluster(pgPort))
  process.exit(1)
})
