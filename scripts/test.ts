// npm test: every check and every test, in the order that fails fastest, then one summary line.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const reports = path.join(process.cwd(), 'test-results')
mkdirSync(reports, { recursive: true })
const vitestReport = path.join(reports, 'vitest.json')
const playwrightReport = path.join(reports, 'playwright.json')
const outageReport = path.join(reports, 'playwright-outage.json')
const loadReport = path.join(reports, 'load-editing.json')
/** Shorter than `npm run test:load`'s 60 s, to keep `npm test` within a few minutes. */
const LOAD_SECONDS_IN_NPM_TEST = '20'
// Counts come from this run's reports only.
for (const report of [vitestReport, playwrightReport, outageReport, loadReport])
  rmSync(report, { force: true })

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
  }) &&
  step(
    'Database outage (private Postgres cluster stopped and started under the browser)',
    'npx',
    ['playwright', 'test', '-c', 'playwright.outage.config.ts', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: outageReport },
  ) &&
  step(
    'Concurrent editing under load (20 authors, 5 postmortems, real HTTP)',
    'npx',
    ['tsx', 'scripts/load-editing.ts'],
    {
      HINDSIGHT_LOAD_SECONDS: process.env.HINDSIGHT_LOAD_SECONDS ?? LOAD_SECONDS_IN_NPM_TEST,
    },
  )

const vitest = counts(vitestReport, (r: { numPassedTests: number; numFailedTests: number }) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
}))
const playwright = (r: { stats: { expected: number; unexpected: number; flaky: number } }) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
})
const e2e = counts(playwrightReport, playwright)
const outage = counts(outageReport, playwright)
const load = counts(loadReport, (r: { passed: number; failed: number }) => r)
const all = [vitest, e2e, outage, load]
const passed = all.reduce((n, c) => n + c.passed, 0)
const failedTests = all.reduce((n, c) => n + c.failed, 0)
const failed = failedTests + (ok || failedTests > 0 ? 0 : 1)
console.log(
  `\nVitest ${vitest.passed} passed, Playwright ${e2e.passed} passed, outage ${outage.passed} passed, load ${load.passed} passed${ok ? '' : ' — a step FAILED'}`,
)
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
