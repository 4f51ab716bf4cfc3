import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { admin, expect, test } from './fixtures'

/*
 * Hostile clients against every server action of the build (listed from Next's manifest, so
 * a new action is covered without editing this file), signed in as the admin: the payload
 * classes of issue 15 (NUL bytes, 20,000 nested quotes, 10,000 headings, 200 KB strings, wrong
 * argument shapes, prototype keys) in every field a form of the app has, sent the two ways a
 * browser sends them (React's client, and a form posted before the page's script ran), each
 * well-formed as a protocol message: what is hostile is the content. Each call answers
 * below 500 with no stack trace. How long each took is written to
 * hostile-actions.json in the run's output folder (test-results/e2e…; reported, never asserted: tests do not time things).
 * Its own project, after every other spec: it signs in wrongly and writes junk on purpose.
 */

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string }
const manifest = JSON.parse(
  readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
) as { node: Record<string, ManifestEntry> }

/** A page path that serves the action: route groups dropped, dynamic segments filled in. */
function pagePath(worker: string) {
  const route = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]*\)/g, '')
    .replace(/\[\.\.\.\w+\]/g, 'x')
    .replace(/\[number\]/g, '1')
    .replace(/\[\w+\]/g, 'x')
  return route || '/'
}

const actions = Object.entries(manifest.node).map(([id, entry]) => ({
  id,
  name: `${entry.exportedName ?? '?'} (${entry.filename ?? '?'})`,
  page: pagePath(Object.keys(entry.workers)[0]!),
}))

const values = {
  nul: 'a\u0000b\u0000',
  quotes: `${'>'.repeat(19_990)} x`,
  headings: Array.from({ length: 10_000 }, (_, i) => `# h${i}`).join('\n'),
  long: 'x'.repeat(200_000),
  emoji: '😀🔥'.repeat(500),
  script: '"><script>alert(1)</script>',
} as const
const fields = [
  'title',
  'name',
  'email',
  'password',
  'role',
  'userId',
  'id',
  'text',
  'statement',
  'reason',
  'status',
  'to',
  'description',
  'symptom',
  'rootCause',
  'launchId',
  'templateId',
  'itemId',
  'checkId',
  'ownerId',
  'locale',
  'next',
  'plannedAt',
  '__proto__',
  'constructor',
]

const stackTrace = /\n\s+at\s|node_modules|\/work\/|webpack-internal|TypeError|ReferenceError|PrismaClient/

/** Multipart bodies as React's client sends them (args in "0", FormData fields as "1_…"), and as a no-JS form. */
function payloads(id: string) {
  const list: { name: string; form: Record<string, string> }[] = []
  for (const [kind, value] of Object.entries(values)) {
    const formFields = Object.fromEntries(fields.map((f) => [`1_${f}`, value]))
    list.push({ name: `${kind} in every field`, form: { '0': '["$undefined","$K1"]', ...formFields } })
    list.push({ name: `${kind} as plain arguments`, form: { '0': JSON.stringify([value, value, value]) } })
    list.push({
      name: `${kind} as a no-JS form`,
      form: { [`$ACTION_ID_${id}`]: '', ...Object.fromEntries(fields.map((f) => [f, value])) },
    })
  }
  list.push({ name: 'no arguments', form: { '0': '[]' } })
  list.push({ name: 'wrong shapes', form: { '0': '[{"a":[[[[[1]]]]]},null,42,true,{"__proto__":{"x":1}}]' } })
  return list
}

const timings: { action: string; payload: string; status: number; ms: number }[] = []

async function call(api: APIRequestContext, baseURL: string, action: (typeof actions)[number]) {
  for (const payload of payloads(action.id)) {
    const started = Date.now()
    // A no-JS form names its action in a field; React's client in the Next-Action header.
    const noJs = `$ACTION_ID_${action.id}` in payload.form
    const response = await api.post(action.page, {
      headers: noJs
        ? { origin: baseURL, accept: 'text/html' }
        : { 'next-action': action.id, origin: baseURL, accept: 'text/x-component' },
      multipart: payload.form,
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: 60_000,
    })
    const ms = Date.now() - started
    const body = await response.text()
    timings.push({ action: action.name, payload: payload.name, status: response.status(), ms })
    const what = `${action.name} on ${action.page}, ${payload.name} → ${response.status()} ${body.slice(0, 300)}`
    // Soft: one run lists every action that fails, not only the first.
    expect.soft(response.status(), what).toBeLessThan(500)
    expect.soft(body, what).not.toMatch(stackTrace)
  }
}

test('every server action survives hostile input: no 5xx, no stack trace', async ({ baseURL }) => {
  test.setTimeout(1_200_000)
  expect(actions.length, 'actions listed from the build').toBeGreaterThan(20)
  const api = await playwrightRequest.newContext({ baseURL })
  const signedIn = await api.post('/api/auth/sign-in/email', {
    headers: { origin: baseURL!, 'content-type': 'application/json' },
    data: { email: admin.email, password: admin.password },
  })
  expect(signedIn.status()).toBe(200)
  // Signing out or in would end this session: those go last.
  const last = (a: (typeof actions)[number]) => /signOut|signIn|setup/.test(a.name)
  for (const action of [...actions.filter((a) => !last(a)), ...actions.filter(last)])
    await call(api, baseURL!, action)
  await api.dispose()

  const sorted = [...timings].sort((a, b) => b.ms - a.ms)
  const p = (q: number) => sorted[Math.floor((1 - q) * (sorted.length - 1))]!.ms
  const report = { calls: timings.length, p50ms: p(0.5), p95ms: p(0.95), slowest: sorted.slice(0, 10) }
  const outputDir = test.info().project.outputDir // this run's (npm test: one per database)
  mkdirSync(outputDir, { recursive: true })
  writeFileSync(path.join(outputDir, 'hostile-actions.json'), JSON.stringify(report, null, 2))
  console.log(JSON.stringify({ ...report, slowest: sorted.slice(0, 3) }))
})
