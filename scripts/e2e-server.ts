// The server Playwright tests run against: the production build on a fresh, empty database,
// dropped when Playwright stops this script (SIGTERM: playwright.config.ts's gracefulShutdown)
// or when it ends any other way (scripts/lib/test-database.ts drops it at exit).
import { spawn } from 'node:child_process'
import { isAlive } from './lib/stop-process-group'
import { createTestDatabase } from './lib/test-database'

const port = process.env.E2E_PORT ?? '3100'

async function main() {
  const database = await createTestDatabase('hindsight_e2e', { migrated: false })
  // Node itself rather than npx, so that a signal reaches start.ts (which passes it on to Next).
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', port], {
    stdio: 'inherit',
    env: { ...process.env, ...database.env },
  })
  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    server.kill('SIGTERM')
    await database.drop().catch((error: unknown) => console.error('dropping the e2e database failed:', error))
    process.exit(code)
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(0))
  server.on('exit', (code) => void stop(code ?? 0))
  // A Playwright runner that is killed outright stops nobody: stop when it is gone.
  const runner = Number(process.env.E2E_RUNNER_PID)
  if (runner) setInterval(() => isAlive(runner) || void stop(1), 2_000).unref()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
