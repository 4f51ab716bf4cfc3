import { describe, expect, it } from 'vitest'
import { createFirstAdmin } from '../users/create-first-admin'
import { auth } from './auth'

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

describe('sign-in limits (counted in the database, shared by the page and the HTTP endpoint)', () => {
  it('refuses a sixth try after five wrong passwords, even the right one, from that address only', async () => {
    expect((await createFirstAdmin({ input: { name: 'Limited', email, password } })).ok).toBe(true)
    for (let i = 0; i < 3; i++)
      expect((await signInOverHttp('10.1.0.1', { email, password: 'wrong password' })).status).toBe(401)
    for (let i = 0; i < 2; i++)
      expect(await signInOnServer('10.1.0.1', { email, password: 'wrong password' })).toBe(401)

    const refused = await signInOverHttp('10.1.0.1', { email, password })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await signInOnServer('10.1.0.1', { email, password })).toBe(429)

    const elsewhere = await signInOverHttp('10.1.0.2', { email, password })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.headers.get('set-cookie')).toContain('session_token')
  })

  it('counts by the real peer, whatever X-Forwarded-For a client makes up', async () => {
    // The server appends the socket's address (peer-address.ts); the client invents the rest.
    const answers = []
    for (let i = 0; i < 30; i++)
      answers.push(
        (await signInOverHttp(`6.6.${i}.6, 198.51.100.9`, { email, password: 'wrong password' })).status,
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

  it('limits one address to 50 attempts, whatever the accounts', async () => {
    const answers = []
    for (let i = 0; i < 52; i++)
      answers.push((await signInOverHttp('10.3.0.1', { email: `nobody${i}@example.com`, password })).status)
    expect(answers.slice(0, 50).every((status) => status === 401)).toBe(true)
    expect(answers.slice(50)).toEqual([429, 429])
  })
})
