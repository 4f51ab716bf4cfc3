import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { admin, expect, signInAsAdmin, test } from './fixtures'
import { e2eLimits } from './support/limits'

/*
 * Hostile and clumsy clients against every route handler under app/api (listed from the
 * filesystem, so a new route is covered without editing this file), anonymous and signed
 * in: oversized and malformed bodies, wrong content types and methods, absurd query strings
 * and ids. The server answers 4xx (2xx for a valid read), never 5xx, never a stack trace.
 */

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
type Method = (typeof methods)[number]

type Route = { file: string; pattern: string; exported: Method[] }

function listRoutes(dir = path.join(process.cwd(), 'app', 'api')): Route[] {
  const routes: Route[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) routes.push(...listRoutes(full))
    else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8')
      const exported = methods.filter((m) =>
        new RegExp(
          `export\\s+(async\\s+function\\s+${m}\\b|const\\s+${m}\\b|const\\s*\\{[^}]*\\b${m}\\b[^}]*\\})`,
        ).test(source),
      )
      const pattern =
        '/' + path.relative(path.join(process.cwd(), 'app'), path.dirname(full)).split(path.sep).join('/')
      routes.push({ file: path.relative(process.cwd(), full), pattern, exported })
    }
  }
  return routes
}

const routes = listRoutes()
const long = 'x'.repeat(10_000)
const weird = [
  '😀🔥'.repeat(50),
  '\\\\"\'`;--%00',
  '"><script>alert(1)</script>',
  '..%2F..%2Fetc%2Fpasswd',
  '%',
  '%E0%A4%A',
]
const badIds = [
  '1',
  '0',
  '-1',
  'abc',
  '99999999999999999999',
  '1.5',
  'PM-1',
  '😀',
  '%00',
  '..',
  'a'.repeat(3_000),
]

// Not encoded again: NUL, a lone "%" and broken UTF-8 reach the handler's decoding as they are.
const rawIds = ['%00', '%25', '%E0%A4%A', '%2500']

/** The URLs for a route: each dynamic segment replaced by every bad id. */
function urls(pattern: string): string[] {
  if (!/\[/.test(pattern)) return [pattern]
  return [...badIds.map(encodeURIComponent), ...rawIds].map((id) =>
    pattern.replace(/\[\.\.\.(\w+)\]/g, `${id}/more`).replace(/\[(\w+)\]/g, id),
  )
}

const queries = [
  `?q=${long}`,
  ...weird.map((w) => `?q=${encodeURIComponent(w)}&status=${encodeURIComponent(w)}`),
  `?q=${encodeURIComponent(long)}&limit=-5&from=not-a-date&download=1`,
  '?limit=1e309&sort[]=x&q[]=a',
]
// Raw, not encoded: the server must survive broken percent-encoding too.
const rawQueries = [
  '?q=%00',
  '?q=x&tag=%00&launch=%00&service=%00',
  '?q=%',
  '?q=%E0%A4%A',
  '?q=\\"\'',
  '?q=😀',
]

const big = JSON.stringify({ text: 'x'.repeat(1_100_000), title: 'big' })
const bodies: { name: string; headers: Record<string, string>; data: string | Buffer }[] = [
  { name: 'oversized JSON (>1 MB)', headers: { 'content-type': 'application/json' }, data: big },
  {
    name: 'malformed JSON',
    headers: { 'content-type': 'application/json' },
    data: '{"baseVersion": 1, "document": {',
  },
  { name: 'JSON null', headers: { 'content-type': 'application/json' }, data: 'null' },
  { name: 'JSON array', headers: { 'content-type': 'application/json' }, data: '[1,2,3]' },
  { name: 'wrong content type', headers: { 'content-type': 'text/plain' }, data: 'just some text 😀 \\ "' },
  { name: 'form body', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: 'a=1&b=%ZZ' },
  {
    name: 'binary',
    headers: { 'content-type': 'application/octet-stream' },
    data: Buffer.from([0xff, 0xfe, 0, 1, 2, 0xc3]),
  },
  { name: 'empty', headers: { 'content-type': 'application/json' }, data: '' },
]

const stackTrace = /\n\s+at\s|node_modules|\/work\/|webpack-internal|TypeError|ReferenceError|PrismaClient/

async function expectSafe(
  api: APIRequestContext,
  method: Method,
  url: string,
  init: { headers?: Record<string, string>; data?: string | Buffer } = {},
) {
  const response = await api.fetch(url, { method, ...init, maxRedirects: 0, failOnStatusCode: false })
  const body = await response.text()
  const what = `${method} ${url.slice(0, 120)} → ${response.status()} ${body.slice(0, 200)}`
  expect(response.status(), what).toBeLessThan(500)
  expect(response.status(), what).toBeGreaterThanOrEqual(200)
  expect(body, what).not.toMatch(stackTrace)
  return response
}

async function abuseEveryRoute(api: APIRequestContext) {
  const origin = { origin: new URL(test.info().project.use.baseURL!).origin }
  for (const route of routes) {
    const all = urls(route.pattern)
    // Every bad id with every method, without a body.
    for (const url of all)
      for (const method of methods) await expectSafe(api, method, url, { headers: origin })
    // Bodies: a plausible id and a bad one, every body for the methods the route has, the
    // oversized and the malformed one for the methods it has not.
    for (const url of new Set([all[0]!, all[3] ?? all[0]!]))
      for (const method of ['POST', 'PUT', 'PATCH'] as const)
        for (const body of route.exported.includes(method) ? bodies : bodies.slice(0, 2))
          await expectSafe(api, method, url, { headers: { ...origin, ...body.headers }, data: body.data })
    for (const query of [...queries, ...rawQueries])
      await expectSafe(api, 'GET', `${all[0]}${query}`, { headers: origin })
  }
}

test('the route handlers are listed from the filesystem', () => {
  expect(routes.map((r) => r.pattern)).toEqual(
    expect.arrayContaining(['/api/health', '/api/v1/postmortems/[number]', '/api/auth/[...all]']),
  )
  for (const route of routes) expect(route.exported.length, route.file).toBeGreaterThan(0)
})

test('anonymous abuse of every route handler gets 4xx, never 5xx or a stack trace', async ({ baseURL }) => {
  test.setTimeout(600_000)
  const api = await playwrightRequest.newContext({ baseURL })
  await abuseEveryRoute(api)
  // Reads that need a session say so.
  expect((await api.get('/api/v1/postmortems/1')).status()).toBe(401)
  expect((await api.get('/api/health')).status()).toBe(200)
  await api.dispose()
})

test('signed-in abuse of every route handler gets 4xx or 2xx, never 5xx or a stack trace', async ({
  baseURL,
}) => {
  test.setTimeout(600_000)
  const api = await playwrightRequest.newContext({ baseURL })
  const signedIn = await api.post('/api/auth/sign-in/email', {
    headers: { origin: baseURL!, 'content-type': 'application/json' },
    data: { email: admin.email, password: admin.password },
  })
  expect(signedIn.status()).toBe(200)
  expect((await api.get('/api/v1/search?q=x')).status()).toBe(200)
  await abuseEveryRoute(api)
  // The pages that take an id decode it the same way.
  for (const id of [...rawIds, encodeURIComponent('😀'), 'a'.repeat(3_000)])
    for (const page of [
      `/launches/${id}`,
      `/postmortems/${id}`,
      `/postmortems/1/lessons/${id}`,
      `/search?q=${id}`,
      `/search?q=x&tag=${id}&launch=${id}&service=${id}`,
      `/postmortems?tag=${id}&launch=${id}&service=${id}&cursor=${id}`,
      `/checklists/${id}`,
    ])
      await expectSafe(api, 'GET', page)
  await api.dispose()
})

test('a server action call with a bogus action id and a garbage body is not a 500', async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL })
  for (const page of ['/postmortems', '/sign-in', '/launches'])
    for (const contentType of [
      'text/plain;charset=UTF-8',
      'multipart/form-data; boundary=zzz',
      'application/json',
    ]) {
      const response = await api.post(page, {
        headers: {
          'next-action': '7f'.repeat(21),
          'content-type': contentType,
          origin: baseURL!,
          accept: 'text/x-component',
        },
        data: '["$K1", {{{ garbage 😀 \\',
        maxRedirects: 0,
        failOnStatusCode: false,
      })
      const body = await response.text()
      const what = `${page} ${contentType} → ${response.status()} ${body.slice(0, 200)}`
      expect(response.status(), what).toBeLessThan(500)
      expect(body, what).not.toMatch(stackTrace)
    }
  await api.dispose()
})

test('an API token over its rate limit gets 429 with Retry-After; others are not limited', async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page)
  await page.goto('/settings/tokens')
  await page.getByLabel('Name').fill('Runaway script')
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = (await page.getByTestId('new-token').textContent())!.trim()
  expect(token).toMatch(/^hs_/)

  const api = await playwrightRequest.newContext({ baseURL })
  const read = (bearer: string) =>
    api.get('/api/v1/search?q=cache', {
      headers: { authorization: `Bearer ${bearer}` },
      failOnStatusCode: false,
    })
  // API_TOKEN_LIMIT requests in API_TOKEN_LIMIT_WINDOW_SECONDS (e2e/support/limits.ts: 10 in
  // an hour here, 300 a minute in production); the window begins with the first.
  const started = Date.now()
  for (let sent = 1; sent <= e2eLimits.API_TOKEN_LIMIT; sent++) expect((await read(token)).status()).toBe(200)
  const limited = await read(token)
  expect(limited.status()).toBe(429)
  const retryAfter = Number(limited.headers()['retry-after'])
  const window = e2eLimits.API_TOKEN_LIMIT_WINDOW_SECONDS
  expect(retryAfter).toBeLessThanOrEqual(window)
  expect(retryAfter).toBeGreaterThanOrEqual(window - Math.ceil((Date.now() - started) / 1000))
  expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } })
  expect((await read(token)).status()).toBe(429)
  // Another token and a session are counted apart.
  expect((await read('hs_some-other-token')).status()).toBe(401)
  const pageSession = await page.request.get('/api/v1/search?q=cache')
  expect(pageSession.status()).toBe(200)
  await api.dispose()
})
