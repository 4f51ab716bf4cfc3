// The server Playwright tests run against: the production build on a fresh, empty database.
import { spawn } from 'node:child_process'
import { createTestDatabase } from './lib/test-database'

const port = process.env.E2E_PORT ?? '3100'

async function main() {
  const database = await createTestDatabase('hindsight_e2e', { migrated: false })
  const server = spawn('npx', ['tsx', 'scripts/start.ts', '--port', port], {
    stdio: 'inherit',
    env: { ...process.env, ...database.env },
  })
  const stop = async (code: number) => {
    server.kill('SIGTERM')
    await database.drop().catch(() => {})
    process.exit(code)
  }
  process.on('SIGTERM', () => void stop(0))
  process.on('SIGINT', () => void stop(0))
  server.on('exit', (code) => void stop(code ?? 0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
