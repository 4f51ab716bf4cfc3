import { describe, expect, it } from 'vitest'
import { db } from '../db'
import { createFirstAdmin } from '../users/create-first-admin'
import { createUser } from '../users/create-user'
import { auth } from './auth'

const origin = 'http://localhost:3000'
const password = 'a good password'

function post(path: string, body: unknown, cookie = '') {
  return auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie, 'x-forwarded-for': '10.20.0.1' },
      body: JSON.stringify(body),
    }),
  )
}

async function editorSession() {
  const first = await createFirstAdmin({
    input: { name: 'Ada Admin', email: 'ada@example.com', password },
  })
  if (!first.ok) throw new Error(first.error.code)
  const admin = { id: first.data.id, name: 'Ada Admin', email: 'ada@example.com', role: 'ADMIN' as const }
  const editor = await createUser({
    actor: admin,
    input: { name: 'Eddie Editor', email: 'eddie@example.com', password, role: 'EDITOR' },
  })
  if (!editor.ok) throw new Error(editor.error.code)
  const signedIn = await post('/sign-in/email', { email: 'eddie@example.com', password })
  expect(signedIn.status).toBe(200)
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { id: editor.data.id, cookie }
}

const nameOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { name: true } })).name

describe("better-auth's user endpoints keep the app's name rules", () => {
  it('refuses /api/auth/update-user over HTTP: names are set by admins', async () => {
    const { id, cookie } = await editorSession()
    for (const path of ['/update-user', '/update-user/', '/update-user?x=1'])
      for (const name of ['x'.repeat(100_000), 'Ada Admin']) {
        const response = await post(path, { name }, cookie)
        expect(response.status, `${path} ${name.slice(0, 10)}`).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
      }
    expect(await nameOf(id)).toBe('Eddie Editor')
  })

  it('applies the name rule to every write better-auth makes (server calls included)', async () => {
    const session = await post('/sign-in/email', { email: 'eddie@example.com', password })
    const headers = new Headers({
      cookie: session.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    })
    const { user } = (await auth.api.getSession({ headers }))!
    for (const name of ['x'.repeat(100_000), '   ', ''])
      await expect(auth.api.updateUser({ headers, body: { name } })).rejects.toMatchObject({
        statusCode: 400,
      })
    expect(await nameOf(user.id)).toBe('Eddie Editor')
    await auth.api.updateUser({ headers, body: { name: '  Eddie E.  ' } })
    expect(await nameOf(user.id)).toBe('Eddie E.')
  })
})
