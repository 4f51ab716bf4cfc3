import { createServer, type Server } from 'node:http'
import { admin, expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'

/*
 * Issue 15 from a real browser: another site (here, another port of the same host: same
 * site, so the session cookie goes along) cannot frame the app, cannot make readers' browsers
 * fetch its images from a postmortem, and cannot write through the JSON API. The outside
 * pages and images are served by this spec; playwright.config.ts allows images from the
 * second port only (IMAGE_HOSTS).
 */
const appPort = Number(process.env.E2E_PORT ?? '3100')
const outside = `http://localhost:${appPort + 11}`
const allowedImages = `http://localhost:${appPort + 12}`
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

// One worker for the whole file: the outside servers below listen on fixed ports.
test.describe.configure({ mode: 'default' })

const hits: string[] = []
const pages: Record<string, string> = {}
const servers: Server[] = []

test.beforeAll(async () => {
  for (const port of [appPort + 11, appPort + 12]) {
    const server = createServer((request, response) => {
      const path = request.url ?? '/'
      hits.push(`${port}${path}`)
      if (path.endsWith('.png')) return response.writeHead(200, { 'content-type': 'image/png' }).end(png)
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path] ?? 'not here')
    })
    await new Promise<void>((resolve) => server.listen(port, resolve))
    servers.push(server)
  }
})

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
})

test('[SECURITY]: every page and API answer carries the security headers and a fresh nonce', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const first = await page.goto('/postmortems')
  const second = await page.request.get('/postmortems')
  const csp = first!.headers()['content-security-policy']!
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  expect(csp).toContain(`img-src 'self' data: localhost:${appPort + 12}`)
  const nonce = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce(second.headers()['content-security-policy']!)).not.toBe(nonce(csp))
  // Next put this response's nonce on its scripts.
  const scripts = await page.locator('script[nonce]').count()
  expect(scripts).toBeGreaterThan(0)
  for (const response of [
    first!,
    await page.request.get('/api/v1/search?q=x'),
    await page.request.get('/sign-in'),
  ])
    expect(response.headers()).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'permissions-policy': expect.stringContaining('camera=()'),
    })
  // Plain http here: no HSTS, which a proxy's https earns.
  expect(first!.headers()['strict-transport-security']).toBeUndefined()
  const proxied = await page.request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } })
  expect(proxied.headers()['strict-transport-security']).toBe('max-age=31536000')
})

test('[SECURITY]: the signed-in app refuses to render inside another site’s frame', async ({ page }) => {
  test.info().annotations.push({ type: 'csp-violation-expected', description: 'frame-ancestors' })
  await signInAsAdmin(page)
  pages['/frame'] = `<h1>Prize</h1><iframe src="${new URL('/postmortems', page.url())}"></iframe>`
  const refused = page.waitForEvent('console', (m) => m.text().includes("frame-ancestors 'none'"))
  await page.goto(`${outside}/frame`)
  await refused
  const frame = page.frameLocator('iframe')
  await expect(page.getByRole('heading', { name: 'Prize' })).toBeVisible()
  await expect(frame.getByRole('heading', { name: 'Postmortems' })).toHaveCount(0)
})

test('[SECURITY]: a postmortem’s outside image is not fetched unless its host is allowed', async ({
  page,
}) => {
  test.info().annotations.push({ type: 'csp-violation-expected', description: 'img-src' })
  await signInAsAdmin(page)
  const editUrl = await newPostmortem(page, 'Images from elsewhere')
  const tag = Date.now()
  await page
    .getByLabel('Symptom')
    .fill(
      `Tracked ![pixel](${outside}/tracker-${tag}.png) and shown ![chart](${allowedImages}/chart-${tag}.png)`,
    )
  await expectSaved(page)
  const blocked = page.waitForEvent('console', (m) => m.text().includes(`tracker-${tag}.png`))
  await page.goto(editUrl.replace(/\/edit$/, ''))
  await blocked
  const chart = page.getByRole('img', { name: 'chart' })
  await expect(chart).toBeVisible()
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
  expect(hits).toContain(`${appPort + 12}/chart-${tag}.png`)
  expect(hits.filter((h) => h.includes(`tracker-${tag}`))).toEqual([])
})

test('[SECURITY]: a page on another port cannot write through the API with the signed-in cookie', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const editUrl = await newPostmortem(page, 'Not to be overwritten')
  await expectSaved(page)
  const number = editUrl.split('/').at(-2)!
  const app = new URL(page.url()).origin
  const before = await (await page.request.get(`/api/v1/postmortems/${number}`)).json()
  const planted = `planted${Date.now()}`
  const document = { ...before.document, title: planted }
  const imported = {
    ...{ title: planted, summary: '', symptom: '', detection: '', impact: '', rootCause: '' },
    ...{ resolution: '', resolutionKind: null, verification: '', metric: null },
    ...{ hypotheses: [], timeline: [], openQuestions: [], lessons: [], actionItems: [], unmapped: [] },
  }
  // The attack: no-cors, the cookie included, a text/plain body that is JSON.
  pages['/attack'] = `<script>
    const send = (path, body) => fetch(${JSON.stringify(app)} + path, { method: 'POST', mode: 'no-cors',
      credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) })
    Promise.allSettled([
      send('/api/v1/postmortems/${number}', { baseVersion: ${before.version}, document: ${JSON.stringify(document)} }),
      send('/api/v1/imports', ${JSON.stringify({ launch: null, postmortems: [imported] })}),
      send('/api/auth/sign-out', {}),
    ]).then(() => { document.title = 'sent' })
  </script>`
  await page.goto(`${outside}/attack`)
  await expect(page).toHaveTitle('sent')

  const after = await (await page.request.get(`/api/v1/postmortems/${number}`)).json()
  expect(after.version).toBe(before.version)
  expect(after.document.title).toBe('Not to be overwritten')
  const found = await (await page.request.get(`/api/v1/search?q=${planted}`)).json()
  expect(found.results).toEqual([])
  await page.goto('/postmortems')
  await expect(page.getByTestId('current-user').first()).toHaveText(admin.name)
  // better-auth's own endpoints check the origin themselves (in production; its tests skip it):
  // a sign-out posted from the other port is refused and the session goes on.
  const signOut = await page.request.post('/api/auth/sign-out', {
    headers: { origin: outside, 'content-type': 'application/json' },
    data: {},
  })
  expect(signOut.status()).toBe(403)
  await page.goto('/settings')
  await expect(page.getByTestId('current-user').first()).toHaveText(admin.name)
})
