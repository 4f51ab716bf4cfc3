import { afterAll, describe, expect, it, vi } from 'vitest'
import { db } from '../db'
import { createFirstAdmin } from '../users/create-first-admin'

// Before auth.ts is imported: it reads the SSO_* settings once. Nothing listens on port 9,
// so discovery fails (logged) and the provider would be retried on the first sign-in.
vi.hoisted(() => {
  Object.assign(process.env, {
    SSO_ISSUER: 'http://127.0.0.1:9',
    SSO_CLIENT_ID: 'hindsight',
    SSO_CLIENT_SECRET: 'secret',
    SSO_ALLOWED_DOMAINS: 'example.com',
    SSO_ROLE_CLAIM: 'groups',
    SSO_ROLE_MAP: 'hindsight-admins=ADMIN,eng=EDITOR',
    SSO_PASSWORD_SIGN_IN: 'off',
  })
})

afterAll(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('SSO_')) delete process.env[key]
})

const { auth } = await import('./auth')
const { validateSsoUserInfo } = await import('./sso')

const origin = 'http://localhost:3000'
const password = 'a good password'

const signInEmail = (email: string) =>
  auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '10.30.0.1' },
      body: JSON.stringify({ email, password }),
    }),
  )

const returning = (id: string, email: string, groups: string[]) => ({
  user: { id, email },
  source: {
    action: 'sign-in',
    method: 'oauth',
    oauth: { providerId: 'company', profile: { email, groups } },
  },
})

/** The first admin (one database for the whole file). */
async function admin() {
  const existing = await db.user.findUnique({ where: { email: 'ada@example.com' } })
  if (existing) return existing.id
  const first = await createFirstAdmin({ input: { name: 'Ada Admin', email: 'ada@example.com', password } })
  if (!first.ok) throw new Error(first.error.code)
  return first.data.id
}

describe('single sign-on on the server', () => {
  it('refuses password sign-in when SSO_PASSWORD_SIGN_IN=off, even with the right password', async () => {
    await admin()
    const response = await signInEmail('ada@example.com')
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'PASSWORD_SIGN_IN_OFF' })
    expect(
      response.headers.getSetCookie().some((c) => c.includes('session_token=') && !c.includes('Max-Age=0')),
    ).toBe(false)
    expect(await db.session.count()).toBe(0)
  })

  it('refuses another domain and audits the e-mail tried', async () => {
    const result = await validateSsoUserInfo(
      {
        user: { email: 'eve@evil.test' },
        source: { action: 'create-user', method: 'oauth', oauth: { providerId: 'company', profile: {} } },
      },
      { headers: new Headers() },
    )
    expect(result).toEqual({ error: 'sso_domain_not_allowed' })
    const entry = await db.auditEvent.findFirstOrThrow({ where: { action: 'sso-sign-in-refused' } })
    expect(entry.detail).toBe('eve@evil.test: domain-not-allowed')
  })

  it('follows the role claim on a return visit, audited, but never demotes the last admin', async () => {
    const adaId = await admin()
    await validateSsoUserInfo(returning(adaId, 'ada@example.com', ['eng']), {})
    expect((await db.user.findUniqueOrThrow({ where: { id: adaId } })).role).toBe('ADMIN')

    const bo = await db.user.create({
      data: { id: 'sso-test-bo', name: 'Bo', email: 'bo@example.com', role: 'VIEWER' },
    })
    await validateSsoUserInfo(returning(bo.id, 'bo@example.com', ['hindsight-admins']), {})
    expect((await db.user.findUniqueOrThrow({ where: { id: bo.id } })).role).toBe('ADMIN')
    const change = await db.auditEvent.findFirstOrThrow({ where: { action: 'role-changed' } })
    expect(change).toMatchObject({ target: 'user:bo@example.com', detail: 'VIEWER → ADMIN (groups)' })

    // Now there are two admins: the claim may demote one of them; an unmapped claim changes nothing.
    await validateSsoUserInfo(returning(adaId, 'ada@example.com', ['eng']), {})
    expect((await db.user.findUniqueOrThrow({ where: { id: adaId } })).role).toBe('EDITOR')
    await validateSsoUserInfo(returning(bo.id, 'bo@example.com', ['sales']), {})
    expect((await db.user.findUniqueOrThrow({ where: { id: bo.id } })).role).toBe('ADMIN')
  })

  it('leaves other sign-in methods alone', async () => {
    const result = await validateSsoUserInfo(
      { user: { email: 'eve@evil.test' }, source: { action: 'create-user', method: 'admin' } },
      {},
    )
    expect(result).toBeUndefined()
  })
})
