import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import base from './playwright.config'

// The database-outage test: the production build on a private Postgres cluster that the test
// stops and starts (scripts/outage-server.ts). Own ports, so it never meets the main e2e run
// or the shared Postgres on 5432 (npm test hands it free ones; these are the defaults).
const port = process.env.OUTAGE_PORT ?? '3410'
const pgPort = process.env.OUTAGE_PG_PORT ?? '5499'
// The cluster's folder, new for each run. Set here, in the runner, whose environment the
// workers inherit (they load this file again and keep it); the server is handed it below.
process.env.OUTAGE_PG_PORT = pgPort
process.env.OUTAGE_PG_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'hindsight-pg-'))
const baseURL = `http://localhost:${port}`
const launchOptions = base.projects?.[0]?.use?.launchOptions

export default defineConfig({
  testDir: './e2e/outage',
  outputDir: 'test-results/e2e-outage',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  expect: { timeout: 30_000 },
  globalTeardown: './e2e/outage/teardown.ts',
  use: { ...base.use, baseURL },
  projects: [{ name: 'outage', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: 'npx tsx scripts/outage-server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // SIGTERM first, so that the server script stops Next and the cluster itself.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    timeout: 240_000,
    // The server logs every refused query while the database is down; its errors stay visible.
    stdout: 'ignore',
    // OUTAGE_RUNNER_PID: the server script stops when this runner is gone.
    env: {
      OUTAGE_PORT: port,
      OUTAGE_PG_PORT: pgPort,
      OUTAGE_PG_DIR: process.env.OUTAGE_PG_DIR,
      OUTAGE_RUNNER_PID: String(process.pid),
    },
  },
})
