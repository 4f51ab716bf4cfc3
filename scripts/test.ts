// npm test: every check and every test, in the order that fails fastest, then one summary line.
//
// On DATABASE_URL's server when it is set, else on embedded PGlite databases. With
// `--databases postgres,pglite` (CI) the load and co-editing tests run on both (the server is
// DATABASE_URL's), the integration files marked @every-database too, while the other
// integration files and the end-to-end specs are shared out between them, each running on one;
// the outage test drives the production build on a server Postgres; everything
// else runs once. The embedded pass is also given the server as TEST_POSTGRES_URL for the tests
// that need both kinds (backups from one to the other).
//
// Every stage's report is read: a stage fails when its command fails, its report is missing
// or unreadable, or fewer of its tests ran than it holds (the files `vitest list` finds must
// all have run, and every test collected from them has passed, failed, or skipped itself with
// a reason (src/test/skip-because.ts); Playwright runs every test `playwright test --list`
// lists). After a failed stage the later ones do not run and are named.
//
// Each run gets free ports, a temp folder of its own (TMPDIR) and a tag in the name of every
// database it creates (HINDSIGHT_TEST_RUN); at the end, also after a failure or Ctrl-C,
// whatever a stage left behind is dropped and named.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, stripVTControlCharacters } from 'node:util'
import { freePort } from './lib/free-port'
import { shareOut } from './lib/share-out'
import { databasesStartingWith, dropDatabasesSync } from './lib/test-database'

type Kind = 'postgres' | 'pglite'
const { values } = parseArgs({ options: { databases: { type: 'string' } } })
const serverUrl = process.env.DATABASE_URL?.trim() || undefined
const kinds: Kind[] = values.databases
  ? [...new Set(values.databases.split(',').map((k) => k.trim()))].map((k) => {
      if (k !== 'postgres' && k !== 'pglite')
        throw new Error(`--databases takes postgres and/or pglite, not "${k}"`)
      return k
    })
  : [serverUrl ? 'postgres' : 'pglite']
if (kinds.includes('postgres') && !serverUrl) {
  console.error('--databases postgres needs DATABASE_URL (the server the test databases are created on).')
  process.exit(2)
}

const root = process.cwd()
const reports = path.join(root, 'test-results')
mkdirSync(reports, { recursive: true })
/** Shorter than `npm run test:load`'s 60 s, to keep `npm test` within a few minutes. */
const LOAD_SECONDS_IN_NPM_TEST = '20'

// This run's own temp folder (every mkdtemp of the stages lands in it) and database tag.
const runTmp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-run-'))
chmodSync(runTmp, 0o711) // the private Postgres cluster runs as the postgres user
const runTag = `r${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`
const runEnv = { TMPDIR: runTmp, HINDSIGHT_TEST_RUN: runTag }

/** The environment of a stage on one kind of database. */
function databaseEnv(kind: Kind): Record<string, string | undefined> {
  return kind === 'postgres'
    ? { DATABASE_URL: serverUrl }
    : { DATABASE_URL: undefined, TEST_POSTGRES_URL: serverUrl ?? process.env.TEST_POSTGRES_URL }
}

// ── counting ────────────────────────────────────────────────────────────────────────────

type Counts = {
  passed: number
  failed: number
  /** Skipped with a reason, and todo. */
  skipped: number
  /** Held by the suite but neither passed, failed nor skipped with a reason. */
  lost: number
  /** Skipped tests and why. */
  reasons: string[]
  problems: string[]
}
const none = (): Counts => ({ passed: 0, failed: 0, skipped: 0, lost: 0, reasons: [], problems: [] })

/**
 * A failed test and the first lines of its error, for the problems listed at the end of the run
 * (a log read from its tail still shows why, after the screenshots and the other stages' output).
 */
function failure(title: string, message = '') {
  const lines = stripVTControlCharacters(message)
    .trim()
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .slice(0, 10)
  return [`failed: ${title}`, ...lines.map((line) => `  ${line}`)].join('\n')
}

type VitestReport = {
  numTotalTests: number
  testResults: {
    name: string
    status: string
    message: string
    assertionResults: {
      fullName: string
      status: string
      failureMessages?: string[]
      meta?: { skipReason?: string }
    }[]
  }[]
}

/** A Vitest JSON report, against the test files `vitest list --filesOnly` found. */
function vitestCounts(file: string, expectedFiles: string[]): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport
  if (!Array.isArray(report.testResults)) throw new Error('no testResults')
  const counts = none()
  for (const result of report.testResults) {
    for (const test of result.assertionResults) {
      if (test.status === 'passed') counts.passed++
      else if (test.status === 'failed') {
        counts.failed++
        counts.problems.push(failure(test.fullName, test.failureMessages?.[0]))
      } else if (test.status === 'todo') {
        counts.skipped++
        counts.reasons.push(`${test.fullName} — todo`)
      } else if (test.meta?.skipReason) {
        counts.skipped++
        counts.reasons.push(`${test.fullName} — ${test.meta.skipReason}`)
      } else {
        counts.lost++
        counts.problems.push(`did not run (${test.status}, no reason given): ${test.fullName}`)
      }
    }
    // A file that failed before or around its tests (an import error, a stray .only, a hook).
    if (result.status === 'failed' && !result.assertionResults.some((t) => t.status === 'failed')) {
      counts.failed++
      counts.problems.push(failure(path.relative(root, result.name), result.message))
    }
  }
  const ran = new Set(report.testResults.map((r) => r.name))
  const missing = expectedFiles.filter((f) => !ran.has(f))
  if (missing.length) {
    counts.lost += missing.length
    counts.problems.push(
      `test files that did not run: ${missing.map((f) => path.relative(root, f)).join(', ')}`,
    )
  }
  return counts
}

type PlaywrightSuite = {
  specs?: {
    title: string
    tests: {
      projectName: string
      status: string
      annotations?: { type: string; description?: string }[]
      results?: { error?: { message?: string } }[]
    }[]
  }[]
  suites?: PlaywrightSuite[]
}
type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: { message?: string }[] }

function playwrightTests(report: PlaywrightReport) {
  const tests: (NonNullable<PlaywrightSuite['specs']>[number]['tests'][number] & { title: string })[] = []
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) tests.push({ ...test, title: spec.title })
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report.suites ?? []) walk(suite)
  return tests
}

/** A Playwright JSON report, against the number of tests `playwright test --list` listed. */
function playwrightCounts(file: string, listed: number): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightReport
  if (!Array.isArray(report.suites)) throw new Error('no suites')
  const counts = none()
  const tests = playwrightTests(report)
  for (const test of tests) {
    if (test.status === 'expected' || test.status === 'flaky') counts.passed++
    else if (test.status === 'unexpected') {
      counts.failed++
      counts.problems.push(failure(test.title, test.results?.at(-1)?.error?.message))
    } else {
      const reason = test.annotations?.find((a) => (a.type === 'skip' || a.type === 'fixme') && a.description)
      if (reason) {
        counts.skipped++
        counts.reasons.push(`[${test.projectName}] ${test.title} — ${reason.description}`)
      } else counts.lost++
    }
  }
  if (counts.lost) counts.problems.push(`${counts.lost} tests did not run (a project they depend on failed?)`)
  if (tests.length < listed) {
    counts.lost += listed - tests.length
    counts.problems.push(`${listed - tests.length} of the ${listed} listed tests are not in the report`)
  }
  for (const error of report.errors ?? []) counts.problems.push((error.message ?? 'error').split('\n')[0]!)
  return counts
}

function loadCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    passed: number
    failed: number
    problems?: string[]
  }
  if (typeof report.passed !== 'number' || typeof report.failed !== 'number') throw new Error('no verdict')
  return { ...none(), passed: report.passed, failed: report.failed, problems: report.problems ?? [] }
}

// ── listing what the suite holds ─────────────────────────────────────────────────────────

/** Runs a command to the end and resolves to its exit code and output (never throws). */
function capture(command: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (error) => resolve({ code: 1, stdout, stderr: error.message }))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** The test files of a Vitest project (cheap: `vitest list --filesOnly` does not load them). */
async function vitestFiles(project: string): Promise<string[]> {
  const out = path.join(runTmp, `vitest-files-${project}.json`)
  const listed = await capture(
    'npx',
    ['vitest', 'list', '--filesOnly', `--project=${project}`, `--json=${out}`],
    {},
  )
  if (listed.code !== 0) throw new Error(`vitest list failed: ${listed.stderr || listed.stdout}`)
  const files = (JSON.parse(readFileSync(out, 'utf8')) as { file: string }[]).map((f) => f.file)
  if (!files.length) throw new Error(`vitest list found no test files in project ${project}`)
  return files
}

/** How many tests `playwright test --list` finds (every project, as the run would run them). */
async function playwrightListed(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const listed = await capture('npx', ['playwright', 'test', ...args, '--list', '--reporter=json'], env)
  let report: PlaywrightReport | undefined
  try {
    report = JSON.parse(listed.stdout) as PlaywrightReport
  } catch {
    report = undefined
  }
  if (listed.code !== 0 || !report || report.errors?.length)
    throw new Error(
      `playwright test --list failed: ${report?.errors?.map((e) => e.message).join('\n') ?? (listed.stderr || listed.stdout).slice(0, 2000)}`,
    )
  const count = playwrightTests(report).length
  if (!count) throw new Error('playwright test --list found no tests')
  return count
}

// ── stages ───────────────────────────────────────────────────────────────────────────────

type Stage = {
  title: string
  /** Prefix of its output lines. */
  label: string
  /** Labels of the stages it waits for (and that must have passed). */
  after: string[]
  /** Prepares the stage (ports, listing); resolves to the command. */
  prepare: () => Promise<{ command: string; args: string[]; env?: Record<string, string | undefined> }>
  /** Reads the stage's report after it ran; throws when it is missing or unreadable. */
  count?: () => Counts
}
type Status = 'ok' | 'FAILED' | 'stopped' | 'not run'
type Outcome = { stage: Stage; status: Status; seconds: number; counts?: Counts; problems: string[] }

function childEnv(env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, ...runEnv, ...env }
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv
}

/** Running stages' process groups, to stop them all when one fails or on a signal. */
const running = new Set<ChildProcess>()
let stopping = false

function signalAll(signal: NodeJS.Signals) {
  for (const child of running)
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
}

/**
 * Stops every running stage: SIGINT first, which Playwright and Vitest take as Ctrl-C (they
 * stop their web servers, which drop their databases; Playwright dies on SIGTERM without doing
 * so), then SIGTERM, then SIGKILL.
 */
function stopAll() {
  signalAll('SIGINT')
  setTimeout(() => signalAll('SIGTERM'), 20_000).unref()
  setTimeout(() => signalAll('SIGKILL'), 40_000).unref()
}

/** Runs a command in a process group of its own, its output prefixed with the stage's label. */
function run(stage: Stage, command: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<number>((resolve) => {
    const child = spawn(command, args, {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    running.add(child)
    for (const stream of [child.stdout, child.stderr]) {
      let partial = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n')
        partial = lines.pop()!
        for (const line of lines) console.log(`[${stage.label}] ${line}`)
      })
      stream.on('end', () => partial && console.log(`[${stage.label}] ${partial}`))
    }
    child.on('error', (error) => console.error(`[${stage.label}] ${error.message}`))
    child.on('close', (code, signal) => {
      running.delete(child)
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

async function runStage(stage: Stage): Promise<Outcome> {
  const started = Date.now()
  console.log(`▸ ${stage.title}`)
  const problems: string[] = []
  let code = 1
  try {
    const { command, args, env = {} } = await stage.prepare()
    if (stopping) return { stage, status: 'stopped', seconds: 0, problems }
    code = await run(stage, command, args, env)
    if (code !== 0) problems.push(`exit code ${code}`)
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error))
  }
  const seconds = (Date.now() - started) / 1000
  // Stopped because another stage failed: its report says nothing.
  if (stopping && code !== 0) return { stage, status: 'stopped', seconds, problems: [] }
  let counts: Counts | undefined
  if (stage.count)
    try {
      counts = stage.count()
      problems.push(...counts.problems)
    } catch (error) {
      problems.push(
        `its report is missing or unreadable (${error instanceof Error ? error.message : String(error)})`,
      )
    }
  const failed = code !== 0 || problems.length > 0 || (counts ? counts.failed + counts.lost > 0 : false)
  return { stage, status: failed ? 'FAILED' : 'ok', seconds, counts, problems }
}

const npx = (...args: string[]) => ({ command: 'npx', args })
const report = (name: string) => path.join(reports, name)

/**
 * Test files that make the databases they need, of each kind, whatever the pass (backups from
 * one kind to the other, the embedded database's crash recovery) say so with this marker: they
 * run in the first database pass only, not once per pass.
 */
const RUNS_ONCE = '@runs-once'
/**
 * Test files of what can behave differently on each kind (search, migrations, concurrent saves)
 * say so with this marker: they run in every database pass. The others are shared out between
 * the passes, each file running once, as the end-to-end specs are (decision 017).
 */
const EVERY_DATABASE = '@every-database'

/**
 * The integration files the pass on `kind` leaves to the others: the runs-once files to the
 * first pass, the rest shared out by size (a fair stand-in for time), except the files that run
 * on every kind.
 */
function integrationElsewhere(files: string[], kind: Kind): string[] {
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]))
  const shared = files.filter((f) => !text.get(f)!.includes(EVERY_DATABASE))
  const once = shared.filter((f) => text.get(f)!.includes(RUNS_ONCE))
  const size = (f: string) => text.get(f)!.length
  const loads = kinds.map((k, i) => (i === 0 ? once.reduce((sum, f) => sum + size(f), 0) : 0))
  const share = shareOut(
    shared.filter((f) => !once.includes(f)),
    loads,
    size,
  )
  for (const f of once) share.set(f, 0)
  return shared.filter((f) => kinds[share.get(f)!] !== kind)
}

function vitestStage(project: 'unit' | 'integration', kind: Kind | undefined, after: string[]): Stage {
  const label = kind ? `${project} · ${kind}` : project
  const file = report(`vitest-${project}${kind ? `-${kind}` : ''}.json`)
  let files: string[] = []
  return {
    title: `Vitest ${label}`,
    label,
    after,
    prepare: async () => {
      rmSync(file, { force: true })
      files = await vitestFiles(project)
      const elsewhere = kind ? integrationElsewhere(files, kind) : []
      files = files.filter((f) => !elsewhere.includes(f))
      return {
        ...npx(
          'vitest',
          'run',
          `--project=${project}`,
          '--allowOnly=false',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${file}`,
          ...elsewhere.map((f) => `--exclude=${path.relative(root, f)}`),
        ),
        env: kind ? databaseEnv(kind) : {},
      }
    },
    count: () => vitestCounts(file, files),
  }
}

function e2eStage(kind: Kind): Stage {
  const file = report(`playwright-${kind}.json`)
  // On several kinds the runs go side by side: one browser each, as one run alone has two.
  const workers = kinds.length > 1 ? { E2E_WORKERS: process.env.E2E_WORKERS ?? '1' } : {}
  let listed = 0
  return {
    title: `End-to-end · ${kind} (Playwright, Chromium)`,
    label: `e2e · ${kind}`,
    after: ['build', 'unit'],
    prepare: async () => {
      rmSync(file, { force: true })
      // The app's port; +11 and +12 serve outside images, +20 the OpenID provider (playwright.config.ts).
      const env = {
        ...databaseEnv(kind),
        E2E_PORT: String(await freePort([0, 11, 12, 20, 21, 22])),
        ...workers,
        // On several kinds each runs a share of the specs (playwright.config.ts): every flow once.
        ...(kinds.length > 1 ? { E2E_PART: `${kinds.indexOf(kind) + 1}/${kinds.length}` } : {}),
      }
      listed = await playwrightListed(['--forbid-only'], env)
      return {
        ...npx(
          'playwright',
          'test',
          '--forbid-only',
          `--output=test-results/e2e-${kind}`,
          '--reporter=list,json',
        ),
        env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      }
    },
    count: () => playwrightCounts(file, listed),
  }
}

function outageStage(after: string[]): Stage {
  const file = report('playwright-outage.json')
  let listed = 0
  return {
    title: 'Database outage (private Postgres cluster stopped and started under the browser)',
    label: 'outage',
    after,
    prepare: async () => {
      rmSync(file, { force: true })
      const env = {
        OUTAGE_PORT: String(await freePort()),
        OUTAGE_PG_PORT: String(await freePort()),
        OUTAGE_PG_DIR: path.join(runTmp, 'outage-postgres'),
      }
      const args = ['-c', 'playwright.outage.config.ts', '--forbid-only']
      listed = await playwrightListed(args, env)
      return {
        ...npx('playwright', 'test', ...args, '--reporter=list,json'),
        env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      }
    },
    count: () => playwrightCounts(file, listed),
  }
}

function loadStage(kind: Kind): Stage {
  const file = report(`load-editing-${kind}.json`)
  return {
    title: `Concurrent editing under load · ${kind} (20 authors, 5 postmortems, real HTTP)`,
    label: `load · ${kind}`,
    // Not after the integration tests of its kind: at the end of the run it was one more stage
    // in series (66 s with one core idle on CI).
    after: ['build'],
    prepare: async () => {
      rmSync(file, { force: true })
      return {
        ...npx('tsx', 'scripts/load-editing.ts'),
        env: {
          ...databaseEnv(kind),
          // Two instances on a server Postgres: two consecutive ports.
          LOAD_PORT: String(await freePort([0, 1])),
          HINDSIGHT_LOAD_REPORT: file,
          HINDSIGHT_LOAD_SECONDS: process.env.HINDSIGHT_LOAD_SECONDS ?? LOAD_SECONDS_IN_NPM_TEST,
        },
      }
    },
    count: () => loadCounts(file),
  }
}

/**
 * Co-editing over WebSockets (scripts/bench-collab.ts --suite): authors on two instances type
 * markers; a steady run, the database stopped and started under them, an instance killed
 * mid-run — three tests, none may lose a marker. On a server Postgres it makes a private
 * cluster of its own (it stops it); on the embedded database, the steady run on one instance.
 */
function collabStage(kind: Kind): Stage {
  const file = report(`bench-collab-${kind}.json`)
  return {
    title: `Co-editing over WebSockets · ${kind} (20 authors, markers, outages)`,
    label: `collab · ${kind}`,
    // Not after the load test: at the end of the run it would be one more stage in series.
    after: ['build'],
    prepare: async () => {
      rmSync(file, { force: true })
      return {
        ...npx('tsx', 'scripts/bench-collab.ts', '--suite', '--report', file),
        env: {
          ...databaseEnv(kind),
          BENCH_PORT: String(await freePort([0, 1])),
          BENCH_PG_PORT: String(await freePort()),
        },
      }
    },
    count: () => loadCounts(file),
  }
}

const simple = (title: string, label: string, after: string[], command: string, args: string[]): Stage => ({
  title,
  label,
  after,
  prepare: async () => ({ command, args }),
})

/*
 * What waits for what, in the order stages start; up to SIDE_BY_SIDE run at once. On 2 cores
 * the end-to-end run spends much of its time waiting on a browser and a server, so it runs side
 * by side with the check and Vitest stages: three at once (four, measured, stretched every stage
 * and timed out an expectation: the run is bound by CPU, not by the order). The unit tests go
 * first, beside the build: some are CPU-bound (fuzzing, property tests) and would crawl beside a
 * browser. The outage, load and co-editing tests follow. A failing stage stops every other (a
 * type error still fails the run within minutes).
 */
const SIDE_BY_SIDE = Math.max(1, Number(process.env.HINDSIGHT_TEST_SIDE_BY_SIDE ?? 3) || 3)
/**
 * Every stage that touches a database runs on every kind: the end-to-end flows, the integration
 * and load tests. The outage test drives the production build on a server Postgres.
 */
const stages: Stage[] = [
  simple('Generate the database client', 'generate', [], 'npm', ['run', '--silent', 'db:generate']),
  vitestStage('unit', undefined, ['generate']),
  {
    ...simple('Production build', 'build', ['generate'], 'npx', ['next', 'build']),
    // The check stage type-checks the whole project; the build need not do it again.
    prepare: async () => ({ command: 'npx', args: ['next', 'build'], env: { HINDSIGHT_TEST_BUILD: '1' } }),
  },
  ...kinds.map(e2eStage),
  simple('Typecheck, lint, formatting', 'check', ['build'], 'npm', ['run', '--silent', 'check']),
  ...kinds.map((kind) => vitestStage('integration', kind, ['build'])),
  outageStage(['build']),
  ...kinds.map(loadStage),
  ...kinds.map(collabStage),
]

// ── the run ──────────────────────────────────────────────────────────────────────────────

/** Drops what this run left behind (databases with its tag, its temp folder); names it. */
async function cleanUp(): Promise<string[]> {
  const left: string[] = []
  const server = serverUrl ?? process.env.TEST_POSTGRES_URL
  if (server)
    try {
      const names = (await databasesStartingWith(server, 'hindsight_')).filter((n) =>
        n.includes(`_${runTag}`),
      )
      dropDatabasesSync(server, names)
      left.push(...names.map((n) => `database ${n}`))
    } catch (error) {
      console.error(
        `Could not look for databases left behind: ${error instanceof Error ? error.message : error}`,
      )
    }
  if (existsSync(runTmp)) {
    left.push(
      ...readdirSync(runTmp)
        .filter((n) => n.startsWith('hindsight'))
        .map((n) => `folder ${n}`),
    )
    rmSync(runTmp, { recursive: true, force: true })
  }
  return left
}

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    if (interrupted) return
    interrupted = stopping = true
    console.log(`\n${signal}: stopping the running stages…`)
    stopAll()
  })

async function main() {
  const where = kinds
    .map((k) => (k === 'postgres' ? 'the server Postgres (DATABASE_URL)' : 'embedded PGlite databases'))
    .join(' and ')
  console.log(`Hindsight tests on ${where} (run ${runTag}, temp folder ${runTmp})`)
  const started = Date.now()
  const outcomes = new Map<string, Outcome>()
  const pending = new Map<string, Promise<Outcome>>()
  const ready = (stage: Stage) => stage.after.every((label) => outcomes.get(label)?.status === 'ok')
  for (;;) {
    if (!stopping)
      for (const stage of stages)
        if (
          pending.size < SIDE_BY_SIDE &&
          !outcomes.has(stage.label) &&
          !pending.has(stage.label) &&
          ready(stage)
        )
          pending.set(
            stage.label,
            runStage(stage).then((outcome) => {
              pending.delete(stage.label)
              outcomes.set(stage.label, outcome)
              const at = Math.round((Date.now() - started) / 1000)
              console.log(`  ${outcome.status} ${stage.title} (${outcome.seconds.toFixed(1)} s, at ${at} s)`)
              for (const problem of outcome.problems.slice(0, 20)) console.log(problem.replace(/^/gm, '    '))
              if (outcome.status === 'FAILED' && !stopping) {
                stopping = true
                console.log(`  ${stage.label} failed: stopping the stages still running`)
                stopAll()
              }
              return outcome
            }),
          )
    if (!pending.size) break
    await Promise.race(pending.values())
  }
  for (const stage of stages)
    if (!outcomes.has(stage.label))
      outcomes.set(stage.label, { stage, status: 'not run', seconds: 0, problems: [] })
  const all = stages.map((stage) => outcomes.get(stage.label)!)

  const left = await cleanUp()
  console.log(`\nStage${' '.repeat(46)}Result (wall time ${Math.round((Date.now() - started) / 1000)} s)`)
  for (const o of all) {
    const c = o.counts
    const figures = c
      ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.lost ? `, ${c.lost} did not run` : ''}`
      : ''
    const time = o.status === 'ok' || o.status === 'FAILED' ? ` (${Math.round(o.seconds)} s)` : ''
    console.log(`  ${o.status.padEnd(8)}${o.stage.title.slice(0, 48).padEnd(50)}${figures}${time}`)
  }
  const failures = all.filter((o) => o.status === 'FAILED')
  for (const o of failures) {
    console.log(`\nWhy ${o.stage.label} failed:`)
    for (const problem of o.problems.slice(0, 10)) console.log(problem.replace(/^/gm, '  '))
  }
  const reasons = all.flatMap((o) => o.counts?.reasons.map((r) => `[${o.stage.label}] ${r}`) ?? [])
  if (reasons.length)
    console.log(`\nSkipped, with their reasons:\n${reasons.map((r) => `  ${r}`).join('\n')}`)
  console.log(
    left.length
      ? `\nLeft behind by a stage, removed now: ${left.join(', ')}`
      : '\nNothing was left behind (the databases and temp folders of this run are gone).',
  )

  const sum = (f: (c: Counts) => number) => all.reduce((n, o) => n + (o.counts ? f(o.counts) : 0), 0)
  // A failed stage with no failed test in its report (a crash, an unreadable report) is one failure.
  const failed = all.reduce(
    (n, o) => n + (o.counts?.failed ?? 0) + (o.status === 'FAILED' && !o.counts?.failed ? 1 : 0),
    0,
  )
  const lost = sum((c) => c.lost)
  const notRun = all
    .filter((o) => o.status === 'not run' || o.status === 'stopped')
    .map((o) => (o.status === 'stopped' ? `${o.stage.label} (stopped)` : o.stage.label))
  const ok = all.every((o) => o.status === 'ok') && !interrupted
  console.log(
    `${sum((c) => c.passed)} passed, ${failed} failed, ${sum((c) => c.skipped)} skipped` +
      (lost ? `, ${lost} did not run` : '') +
      (notRun.length ? ` — not run: ${notRun.join(', ')}` : '') +
      (interrupted ? ' — interrupted' : ''),
  )
  process.exit(ok ? 0 : 1)
}

main().catch(async (error: unknown) => {
  console.error(error)
  await cleanUp().catch(() => [])
  process.exit(1)
})
