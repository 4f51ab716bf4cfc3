import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { auth } from '@/server/auth/auth'
import { createApiToken } from '@/server/auth/api-tokens'
import type { Actor } from '@/server/roles'
import { db } from '@/server/db'
import { previewRetro } from '@/server/imports/preview-retro'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { emptyDocument } from '@/server/postmortems/schemas'
import { person } from '@/test/people'

/*
 * Issue 15's CSRF finding, over the real route handlers and database: a page on another port
 * of the same host (same site, so the SameSite=Lax cookie goes along) created and overwrote
 * postmortems with `fetch(…, { mode: 'no-cors', credentials: 'include',
 * headers: { 'content-type': 'text/plain' } })`. Route handlers read the session from
 * next/headers; here it answers with the headers of the request being handled.
 */
let current = new Headers()
vi.mock('next/headers', () => ({
  headers: async () => current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} }),
}))

const { PUT, POST: postToPostmortem, PATCH } = await import('./postmortems/[number]/route')
const { POST: importRetro } = await import('./imports/route')
const { POST: findSimilar } = await import('./search/similar/route')

const app = 'http://localhost:3000'
const otherPort = 'http://localhost:4000'
let editor: Actor
let cookie: string
let number: number

function request(path: string, method: string, headers: Record<string, string>, body?: string) {
  const r = new Request(`${app}${path}`, { method, headers, body })
  current = r.headers
  return r
}

const params = () => ({ params: Promise.resolve({ number: String(number) }) })
const saveBody = (title: string, baseVersion = 1) =>
  JSON.stringify({ baseVersion, document: emptyDocument(title) })
const title = async () => {
  const pm = await getPostmortem({ actor: editor, number })
  return pm.ok ? pm.data.document.title : null
}
const retro = previewRetro(
  readFileSync(path.join(process.cwd(), 'src/server/imports/fixtures/sre-style.en.md'), 'utf8'),
)
if (!retro.ok) throw new Error('fixture')
const importBody = JSON.stringify(retro.data)

beforeAll(async () => {
  editor = await person('Eve Editor', 'EDITOR', 'eve@example.com')
  const signedIn = await auth.api.signInEmail({
    body: { email: 'eve@example.com', password: 'password-1' },
    returnHeaders: true,
  })
  cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  expect(cookie).toMatch(/session_token=/)
  const created = await createPostmortem({ actor: editor, input: { title: 'Original', launchId: null } })
  if (!created.ok) throw new Error('setup')
  number = created.data.number
})

describe('state-changing API requests with the session cookie', () => {
  it("refuses the issue's attack: a no-cors text/plain save from another port of the host", async () => {
    const response = await PUT(
      request(
        `/api/v1/postmortems/${number}`,
        'PUT',
        { cookie, origin: otherPort, 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
        saveBody('Overwritten'),
      ),
      params(),
    )
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'CROSS_ORIGIN' } })
    expect(await title()).toBe('Original')
  })

  it('refuses another origin even with a JSON body, and a cookie request without any Origin', async () => {
    const json = { cookie, 'content-type': 'application/json' }
    for (const headers of [{ ...json, origin: otherPort }, json, { ...json, origin: 'null' }]) {
      const response = await PUT(
        request(`/api/v1/postmortems/${number}`, 'PUT', headers, saveBody('X')),
        params(),
      )
      expect(response.status, JSON.stringify(headers)).toBe(403)
    }
    expect(await title()).toBe('Original')
  })

  it('refuses an import (which creates postmortems) from another origin', async () => {
    const before = await db.postmortem.count()
    const response = await importRetro(
      request(
        '/api/v1/imports',
        'POST',
        { cookie, origin: otherPort, 'content-type': 'text/plain' },
        importBody,
      ),
    )
    expect(response.status).toBe(403)
    expect(await db.postmortem.count()).toBe(before)
  })

  it('takes JSON only as application/json: 415 for text/plain, even from the same origin', async () => {
    const before = await db.postmortem.count()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const headers = { cookie, origin: app, 'content-type': type }
      const save = await PUT(
        request(`/api/v1/postmortems/${number}`, 'PUT', headers, saveBody('X')),
        params(),
      )
      expect(save.status).toBe(415)
      expect(await save.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
      expect((await importRetro(request('/api/v1/imports', 'POST', headers, importBody))).status).toBe(415)
    }
    expect(await title()).toBe('Original')
    expect(await db.postmortem.count()).toBe(before)
  })

  it('takes the exact method: POST no longer saves like PUT (405 with Allow)', async () => {
    const headers = { cookie, origin: app, 'content-type': 'application/json' }
    for (const handler of [postToPostmortem, PATCH]) {
      const response = await handler(
        request(`/api/v1/postmortems/${number}`, 'POST', headers, saveBody('Via POST')),
      )
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PUT')
      expect(await response.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } })
    }
    expect(await title()).toBe('Original')
  })

  it('saves from the same origin, by Origin or by Sec-Fetch-Site (behind a TLS proxy)', async () => {
    const json = { cookie, 'content-type': 'application/json; charset=utf-8' }
    const first = await PUT(
      request(`/api/v1/postmortems/${number}`, 'PUT', { ...json, origin: app }, saveBody('Saved', 1)),
      params(),
    )
    expect(first.status).toBe(200)
    const proxied = await PUT(
      request(
        `/api/v1/postmortems/${number}`,
        'PUT',
        { ...json, origin: 'https://hindsight.example', 'sec-fetch-site': 'same-origin' },
        saveBody('Saved again', 2),
      ),
      params(),
    )
    expect(proxied.status).toBe(200)
    expect(await title()).toBe('Saved again')
    const imported = await importRetro(
      request('/api/v1/imports', 'POST', { ...json, origin: app }, importBody),
    )
    expect(imported.status).toBe(201)
  })

  it('exempts API tokens (not ambient) and leaves requests without a cookie to the 401', async () => {
    const admin = { ...editor, role: 'ADMIN' as const }
    const token = await createApiToken({ actor: admin, input: { name: 'ci' } })
    if (!token.ok) throw new Error('token')
    const body = JSON.stringify({ text: 'database timeout' })
    const json = { 'content-type': 'application/json' }
    const withToken = await findSimilar(
      request(
        '/api/v1/search/similar',
        'POST',
        { ...json, authorization: `Bearer ${token.data.token}` },
        body,
      ),
    )
    expect(withToken.status).toBe(200)
    const anonymous = await findSimilar(request('/api/v1/search/similar', 'POST', json, body))
    expect(anonymous.status).toBe(401)
  })
})
