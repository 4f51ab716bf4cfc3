import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFirstAdmin } from '../users/create-first-admin'
import { createUser } from '../users/create-user'
import { findUsers } from '../users/find-users'
import { unlockSignIn } from '../users/unlock-sign-in'
import { auth } from './auth'
import type { Actor } from '../roles'

const email = 'limited@example.com'
const password = 'the right password'

/** A sign-in over HTTP, as a browser or a script sends it, through better-auth's handler. */
function signInOverHttp(address: string, attempt: { email: string; password: string }) {
  return auth.handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        'x-forwarded-for': address,
      },
      body: JSON.stringify(attempt),
    }),
  )
}

/** A sign-in as the sign-in page's server action makes it. */
function signInOnServer(address: string, attempt: { email: string; password: string }) {
  return auth.api.signInEmail({ body: attempt, headers: new Headers({ 'x-forwarded-for': address }) }).then(
    () => 200,
    (error: { statusCode: number }) => error.statusCode,
  )
}

let admin: Actor

/**
 * The clock stands still while timers and I/O go on: a wait of 2 seconds or a window of 15
 * minutes cannot run out, or show less than it was, while a slow machine runs the test.
 */
const stopTheClock = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
afterEach(() => {
  vi.useRealTimers()
})

/** Another account with the same password; resolves to its email. */
async function member(name: string, role: Actor['role'] = 'EDITOR') {
  const created = await createUser({
    actor: admin,
    input: { name, email: `${name}@example.com`, password, role },
  })
  if (!created.ok) throw new Error(created.error.code)
  return created.data.email
}

describe('sign-in limits (counted in the database, shared by the page and the HTTP endpoint)', () => {
  it('refuses a sixth try after five wrong passwords, even the right one, from that address only', async () => {
    const first = await createFirstAdmin({ input: { name: 'Limited', email, password } })
    if (!first.ok) throw new Error(first.error.code)
    admin = { id: first.data.id, name: 'Limited', email, role: 'ADMIN' }
    stopTheClock()
    for (let i = 0; i < 3; i++)
      expect((await signInOverHttp('10.1.0.1', { email, password: 'wrong password' })).status).toBe(401)
    for (let i = 0; i < 2; i++)
      expect(await signInOnServer('10.1.0.1', { email, password: 'wrong password' })).toBe(401)

    const refused = await signInOverHttp('10.1.0.1', { email, password })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(15 * 60)) // the window that began with the first try
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await signInOnServer('10.1.0.1', { email, password })).toBe(429)

    const elsewhere = await signInOverHttp('10.1.0.2', { email, password })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.headers.get('set-cookie')).toContain('session_token')
  })

  it('counts by the real peer, whatever X-Forwarded-For a client makes up', async () => {
    const spoofed = await member('spoofed')
    // The server appends the socket's address (peer-address.ts); the client invents the rest.
    const answers = []
    for (let i = 0; i < 30; i++)
      answers.push(
        (await signInOverHttp(`6.6.${i}.6, 198.51.100.9`, { email: spoofed, password: 'wrong password' }))
          .status,
      )
    expect(answers.slice(0, 5).every((status) => status === 401)).toBe(true)
    expect(answers.slice(5).every((status) => status === 429)).toBe(true)
  })

  it('forgets earlier failures of an account once it signs in', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signInOverHttp('10.2.0.1', { email, password: 'wrong password' })).status).toBe(401)
    expect((await signInOverHttp('10.2.0.1', { email, password })).status).toBe(200)
    for (let i = 0; i < 4; i++)
      expect((await signInOverHttp('10.2.0.1', { email, password: 'wrong password' })).status).toBe(401)
    expect((await signInOverHttp('10.2.0.1', { email, password })).status).toBe(200)
  })

  it('slows a guess spread over many addresses, while the right password from elsewhere passes', async () => {
    const target = await member('spread')
    const wrong = { email: target, password: 'wrong password' }
    stopTheClock()
    for (let i = 1; i <= 6; i++) expect((await signInOverHttp(`10.4.0.${i}`, wrong)).status).toBe(401)
    // The account's sixth failure within the hour: that address now waits 2 seconds, the next 4.
    const waiting = await signInOverHttp('10.4.0.6', wrong)
    expect(waiting.status).toBe(429)
    expect(waiting.headers.get('retry-after')).toBe('2')
    expect((await signInOverHttp('10.4.0.1', wrong)).status).toBe(401)
    expect((await signInOverHttp('10.4.0.1', { email: target, password })).headers.get('retry-after')).toBe(
      '4',
    )

    const owner = await signInOverHttp('10.4.0.99', { email: target, password })
    expect(owner.status).toBe(200)
    expect(await signInOnServer('10.4.1.1', { email: target, password })).toBe(200)
  })

  it('keeps letting in who signed in from an address while someone else there sprays wrong passwords', async () => {
    const colleague = await member('colleague')
    expect((await signInOverHttp('10.5.0.1', { email: colleague, password })).status).toBe(200)
    const sprayed = []
    for (let i = 0; i < 51; i++)
      sprayed.push(
        (await signInOverHttp('10.5.0.1', { email: `sprayed${i}@example.com`, password: 'guess' })).status,
      )
    expect(sprayed.slice(0, 50).every((status) => status === 401)).toBe(true)
    expect(sprayed[50]).toBe(429)
    expect((await signInOverHttp('10.5.0.1', { email: colleague, password })).status).toBe(200)
  })

  it('an admin unlocks an account at once; nobody else can', async () => {
    const locked = await member('locked')
    for (let i = 0; i < 5; i++)
      expect((await signInOverHttp('10.6.0.1', { email: locked, password: 'wrong password' })).status).toBe(
        401,
      )
    expect((await signInOverHttp('10.6.0.1', { email: locked, password })).status).toBe(429)

    const listed = await findUsers({ actor: admin })
    const user = listed.ok ? listed.data.find((u) => u.email === locked) : undefined
    expect(user?.failedSignIns).toBe(5)

    const editor: Actor = { id: user!.id, name: 'locked', email: locked, role: 'EDITOR' }
    expect(await unlockSignIn({ actor: editor, input: { userId: user!.id } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await signInOverHttp('10.6.0.1', { email: locked, password })).status).toBe(429)
    expect(await unlockSignIn({ actor: admin, input: { userId: 'nobody' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })

    expect(await unlockSignIn({ actor: admin, input: { userId: user!.id } })).toEqual({
      ok: true,
      data: { name: 'locked' },
    })
    expect((await signInOverHttp('10.6.0.1', { email: locked, password })).status).toBe(200)
    const after = await findUsers({ actor: admin })
    expect(after.ok && after.data.find((u) => u.email === locked)?.failedSignIns).toBe(0)
  })

  it('limits one address to 50 attempts, whatever the accounts', async () => {
    const answers = []
    for (let i = 0; i < 52; i++)
      answers.push((await signInOverHttp('10.3.0.1', { email: `nobody${i}@example.com`, password })).status)
    expect(answers.slice(0, 50).every((status) => status === 401)).toBe(true)
    expect(answers.slice(50)).toEqual([429, 429])
  })
})
