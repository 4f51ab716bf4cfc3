// npm run bench:collab [-- --authors 20 --docs 5 --seconds 60] [--json]
//
// Co-editing under load over the real protocol: simulated authors, each signed in with their
// own account, open a y-websocket client (the editor's WebsocketProvider) on one of two
// production instances (alternating) serving one fresh server Postgres database (DATABASE_URL's
// server; without it an embedded database and one instance), and type unique markers into the
// long texts of N postmortems at a steady pace. Then every client must hold every marker of
// its document, the server must say every client's state is saved, and the stored postmortem
// (GET /api/v1/postmortems/:number) must hold every marker. Prints JSON: edits sent, markers
// lost (per client and per stored document), convergence latency between authors on different
// instances (p50/p95), and heap per open document. Needs a production build (npx next build).
//
// --suite (npm test's load stage): on a private Postgres cluster of its own (it is stopped and
// started), three phases with the same authors, each a test: a steady run; the database
// stopped and started under typing authors; an instance killed mid-run (its authors reconnect
// to the other). On the embedded database (no DATABASE_URL): the steady run on one instance.
// Writes {passed, failed, problems, phases} to --report.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { migrate } from '../src/server/db/migrations'
import { startInstance, type AppInstance } from './lib/app-instance'
import { collabAuthor, type CollabAuthor, type Typed } from './lib/collab-author'
import { MARKER_FIELDS, missingMarkers } from './lib/markers'
import {
  createCluster,
  privateCluster,
  removeCluster,
  startCluster,
  stopCluster,
} from './lib/private-postgres'
import { signIn } from './lib/simulated-author'
import { percentile } from './lib/stats'
import { createTestDatabase } from './lib/test-database'

const { values } = parseArgs({
  options: {
    authors: { type: 'string', default: '20' },
    docs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
    /** Each author types a marker this often (with ±50 % jitter). */
    'interval-ms': { type: 'string', default: '250' },
    json: { type: 'boolean', default: false },
    suite: { type: 'boolean', default: false },
    report: { type: 'string' },
    /** First app port; further instances on the next ones. */
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3440' },
    /** The private cluster's port (--suite on a server Postgres). */
    'pg-port': { type: 'string', default: process.env.BENCH_PG_PORT ?? '5440' },
  },
})
const authorCount = Number(values.authors)
const docCount = Number(values.docs)
const intervalMs = Number(values['interval-ms'])
const port = Number(values.port)
for (const [name, value] of Object.entries({ authorCount, docCount, intervalMs, port }))
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`)
// Every y-websocket provider listens for the process's exit.
process.setMaxListeners(0)
const say = (line: string) => console.error(`[bench:collab] ${line}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const reports = path.join(process.cwd(), 'test-results')
/** How long the authors, the instances and the database get to agree once typing stops. */
const SETTLE_MS = 90_000

type Database = {
  kind: 'postgres' | 'pglite'
  env: Record<string, string>
  /** Stops the server for `ms` and starts it again (a private cluster only). */
  outage?: (ms: number) => Promise<void>
  drop(): Promise<void>
}

async function freshDatabase(privateOne: boolean): Promise<Database> {
  if (privateOne) {
    const cluster = await createCluster(
      privateCluster(Number(values['pg-port']), mkdtempSync(path.join(os.tmpdir(), 'hindsight-pg-'))),
    )
    await migrate({ kind: 'postgres', url: cluster.url })
    return {
      kind: 'postgres',
      env: { DATABASE_URL: cluster.url },
      async outage(ms) {
        stopCluster(cluster)
        await sleep(ms)
        startCluster(cluster)
      },
      drop: async () => removeCluster(cluster),
    }
  }
  const database = await createTestDatabase('hindsight_collab')
  return { kind: database.target.kind, env: database.env, drop: () => database.drop() }
}

/** An admin, the authors (editors) and the drafts they type into. */
function seed(env: NodeJS.ProcessEnv) {
  const seeded = spawnSync(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'scripts/lib/seed-load.ts',
      '--authors',
      String(authorCount),
      '--postmortems',
      String(docCount),
      '--published',
      '0',
    ],
    { env, encoding: 'utf8' },
  )
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`)
  return JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as {
    authors: { email: string; password: string }[]
    postmortems: { number: number }[]
  }
}

type Phase = {
  name: string
  seconds: number
  /** Something that happens while the authors type, `at` seconds into the phase. */
  event?: { at: number; run: () => Promise<void> | void }
}

type PhaseFigures = {
  phase: string
  seconds: number
  editsSent: number
  editsPerSecond: number
  markersLost: { clients: number; stored: number }
  /** From an author's edit until an author on another instance has it. */
  convergenceMs: { p50: number; p95: number; max: number; samples: number }
  /** The same between authors on one instance. */
  sameInstanceMs: { p50: number; p95: number; samples: number }
  reconnects: number
  settleMs: number
  problems: string[]
}

const stats = (values: number[]) => ({
  p50: Math.round(percentile(values, 50) * 10) / 10,
  p95: Math.round(percentile(values, 95) * 10) / 10,
  max: Math.round(Math.max(0, ...values)),
  samples: values.length,
})

/** What a document's authors typed, by postmortem number. */
function typedByDocument(authors: CollabAuthor[]) {
  const byNumber = new Map<number, string[]>()
  for (const a of authors) byNumber.set(a.number, [...(byNumber.get(a.number) ?? []), ...a.markers])
  return byNumber
}

/** Waits until every author is connected, holds every marker of its document, and is told it is saved. */
async function settle(authors: CollabAuthor[]): Promise<{ ms: number; settled: boolean }> {
  const started = performance.now()
  const expected = typedByDocument(authors)
  const done = () =>
    authors.every(
      (a) =>
        a.connected() && a.isSaved() && missingMarkers(expected.get(a.number) ?? [], a.texts()).length === 0,
    )
  while (!done()) {
    if (performance.now() - started > SETTLE_MS) return { ms: SETTLE_MS, settled: false }
    await sleep(50)
  }
  return { ms: Math.round(performance.now() - started), settled: true }
}

/** The stored postmortem's long texts, through the JSON API of a live instance. */
async function storedTexts(base: string, cookie: string, number: number): Promise<string[]> {
  const response = await fetch(`${base}/api/v1/postmortems/${number}`, {
    headers: { cookie, origin: base },
  })
  if (!response.ok) throw new Error(`GET /api/v1/postmortems/${number}: HTTP ${response.status}`)
  const { document } = (await response.json()) as { document: Record<string, string> }
  return MARKER_FIELDS.map((f) => document[f] ?? '')
}

async function runPhase(
  phase: Phase,
  authors: CollabAuthor[],
  instances: AppInstance[],
  cookies: string[],
): Promise<PhaseFigures> {
  say(`${phase.name}: ${authors.length} authors typing for ${phase.seconds} s`)
  const sentBefore = authors.map((a) => a.markers.length)
  const seenBefore = authors.map((a) => a.seen.length)
  const reconnectsBefore = authors.reduce((n, a) => n + a.reconnects(), 0)
  const started = performance.now()
  const deadline = started + phase.seconds * 1000
  const event = phase.event ? sleep(phase.event.at * 1000).then(() => phase.event!.run()) : Promise.resolve()
  await Promise.all([
    event,
    ...authors.map(async (author) => {
      await sleep(Math.random() * intervalMs)
      while (performance.now() < deadline) {
        author.type()
        await sleep(intervalMs * (0.5 + Math.random()))
      }
    }),
  ])
  const typingSeconds = (performance.now() - started) / 1000
  const settled = await settle(authors)
  const problems: string[] = []
  if (!settled.settled)
    problems.push(
      `not settled ${SETTLE_MS / 1000} s after typing stopped: ${authors.filter((a) => !a.connected()).length} author(s) disconnected, ${authors.filter((a) => !a.isSaved()).length} not told saved`,
    )

  const expected = typedByDocument(authors)
  let lostInClients = 0
  for (const a of authors) {
    const missing = missingMarkers(expected.get(a.number) ?? [], a.texts())
    lostInClients += missing.length
    if (missing.length)
      problems.push(
        `author ${a.author} lacks ${missing.length} marker(s) of #${a.number}, e.g. ${missing[0]}`,
      )
  }
  let lostInStore = 0
  const live = instances.find((i) => i.alive)!
  for (const [number, markers] of expected) {
    const texts = await storedTexts(live.url, cookies[0]!, number)
    const missing = missingMarkers(markers, texts)
    lostInStore += missing.length
    if (missing.length)
      problems.push(`stored postmortem #${number} lacks ${missing.length} marker(s), e.g. ${missing[0]}`)
  }

  const editsSent = authors.reduce((n, a, i) => n + a.markers.length - sentBefore[i]!, 0)
  const seen = authors.flatMap((a, i) => a.seen.slice(seenBefore[i]))
  return {
    phase: phase.name,
    seconds: Math.round(typingSeconds),
    editsSent,
    editsPerSecond: Math.round((editsSent / typingSeconds) * 10) / 10,
    markersLost: { clients: lostInClients, stored: lostInStore },
    convergenceMs: stats(seen.filter((s) => s.from !== s.on).map((s) => s.ms)),
    sameInstanceMs: (({ p50, p95, samples }) => ({ p50, p95, samples }))(
      stats(seen.filter((s) => s.from === s.on).map((s) => s.ms)),
    ),
    reconnects: authors.reduce((n, a) => n + a.reconnects(), 0) - reconnectsBefore,
    settleMs: settled.ms,
    problems,
  }
}

async function main(): Promise<number> {
  mkdirSync(reports, { recursive: true })
  const onServer = Boolean(process.env.DATABASE_URL?.trim())
  const database = await freshDatabase(values.suite && onServer)
  const instanceCount = database.kind === 'postgres' ? 2 : 1
  const instances: AppInstance[] = []
  const authors: CollabAuthor[] = []
  const stopAll = async () => {
    for (const a of authors.splice(0)) a.close()
    await Promise.all(instances.map((i) => i.stop()))
    await database.drop()
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopAll().finally(() => process.exit(1)))
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...database.env,
      BETTER_AUTH_SECRET: 'bench-collab-secret-not-for-production-0123456789',
      // The authors play machines behind a proxy on this host, each named in X-Forwarded-For.
      TRUSTED_PROXIES: 'loopback',
    }
    if (database.kind === 'pglite') delete env.DATABASE_URL
    const seeded = seed(env)
    const numbers = seeded.postmortems.map((p) => p.number)
    say(`starting ${instanceCount} instance(s) of the production build on ${database.kind}`)
    // One after the other: the first builds when the sources changed, the others find it built.
    for (let i = 0; i < instanceCount; i++)
      instances.push(
        await startInstance(port + i, env, path.join(reports, `bench-collab-server-${port + i}.log`)),
      )
    const cookies = await Promise.all(
      seeded.authors.map((a, i) =>
        signIn(
          instances[i % instanceCount]!.url,
          a.email,
          a.password,
          `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        ),
      ),
    )

    const typed: Typed = new Map()
    for (let i = 0; i < authorCount; i++)
      authors.push(
        collabAuthor({
          author: i,
          // Author i on document i mod N and instance i mod 2: every document has authors on both.
          number: numbers[i % docCount]!,
          home: i % instanceCount,
          instances: instances.map((x) => x.url),
          alive: (n) => instances[n]!.alive,
          cookie: cookies[i]!,
          typed,
        }),
      )
    for (let waited = 0; !authors.every((a) => a.connected()); waited += 50) {
      if (waited > 60_000) throw new Error('the authors could not connect within 60 s')
      await sleep(50)
    }

    const seconds = Number(values.seconds)
    const phases: Phase[] = !values.suite
      ? [{ name: 'steady', seconds }]
      : [
          { name: 'steady', seconds: 10 },
          ...(database.outage
            ? [
                {
                  name: 'database stopped and started under typing authors',
                  seconds: 12,
                  event: { at: 3, run: () => database.outage!(5_000) },
                },
                {
                  name: 'an instance killed mid-run',
                  seconds: 10,
                  event: { at: 3, run: () => instances[1]!.kill() },
                },
              ]
            : []),
        ]
    const results: PhaseFigures[] = []
    for (const phase of phases) results.push(await runPhase(phase, authors, instances, cookies))
    const memory = values.suite ? undefined : await memoryPerDocument(authors, instances, numbers)

    const problems = results.flatMap((r) => r.problems.map((p) => `${r.phase}: ${p}`))
    const figures = {
      database: database.kind,
      instances: instanceCount,
      authors: authorCount,
      docs: docCount,
      intervalMs,
      ...(values.suite ? { phases: results } : results[0]),
      memory,
    }
    const failedPhases = results.filter((r) => r.problems.length).length
    if (values.report)
      writeFileSync(
        values.report,
        JSON.stringify(
          { passed: results.length - failedPhases, failed: failedPhases, ...figures, problems },
          null,
          2,
        ),
      )
    console.log(values.json ? JSON.stringify(figures) : JSON.stringify(figures, null, 2))
    say(problems.length ? `FAILED: ${problems.join('; ')}` : 'passed: no marker lost')
    return problems.length ? 1 : 0
  } finally {
    await stopAll()
  }
}

/**
 * Memory per open document, on each instance: the heap in use (after a full collection) with
 * every room open and its authors connected, minus the same once they all left and the rooms
 * closed, per document. Also the size of a document's full state as Yjs encodes it.
 */
async function memoryPerDocument(authors: CollabAuthor[], instances: AppInstance[], numbers: number[]) {
  const documentBytes = Math.round(
    numbers.reduce(
      (n, number) => n + Y.encodeStateAsUpdate(authors.find((a) => a.number === number)!.ydoc).byteLength,
      0,
    ) / numbers.length,
  )
  const open = await Promise.all(instances.map((i) => i.memory()))
  for (const a of authors.splice(0)) a.close()
  // Leaving derives and compacts; then the room is dropped.
  await sleep(5_000)
  const closed = await Promise.all(instances.map((i) => i.memory()))
  const heapPerOpenDocumentKB = Math.round(
    instances.reduce((n, _, i) => n + open[i]!.heapUsed - closed[i]!.heapUsed, 0) /
      instances.length /
      numbers.length /
      1024,
  )
  return { heapPerOpenDocumentKB, documentBytes }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    if (values.report)
      writeFileSync(
        values.report,
        JSON.stringify({
          passed: 0,
          failed: 1,
          problems: [error instanceof Error ? error.message : String(error)],
        }),
      )
    process.exit(1)
  },
)
