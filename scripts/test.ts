// npm test: every check and every test, in the order that fails fastest, then one summary line.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const reports = path.join(process.cwd(), 'test-results')
mkdirSync(reports, { recursive: true })
const vitestReport = path.join(reports, 'vitest.json')
const playwrightReport = path.join(reports, 'playwright.json')

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▸ ${title}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`  ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return result.status === 0
}

function counts(file: string, read: (json: never) => { passed: number; failed: number }) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')) as never)
  } catch {
    return { passed: 0, failed: 0 }
  }
}

const database = process.env.DATABASE_URL ? 'the server Postgres (DATABASE_URL)' : 'embedded PGlite databases'
console.log(`Hindsight tests on ${database}`)

const ok =
  step('Generate the database client', 'npm', ['run', '--silent', 'db:generate']) &&
  step('Typecheck, lint, formatting', 'npm', ['run', '--silent', 'check']) &&
  step('Unit and integration tests (Vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ]) &&
  step('Production build', 'npx', ['next', 'build']) &&
  step('End-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  })

const vitest = counts(vitestReport, (r: { numPassedTests: number; numFailedTests: number }) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
}))
const e2e = counts(
  playwrightReport,
  (r: { stats: { expected: number; unexpected: number; flaky: number } }) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
  }),
)
const failed = vitest.failed + e2e.failed + (ok ? 0 : vitest.failed + e2e.failed === 0 ? 1 : 0)
console.log(
  `\nVitest ${vitest.passed} passed, Playwright ${e2e.passed} passed${ok ? '' : ' — a step FAILED'}`,
)
console.log(`${vitest.passed + e2e.passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
