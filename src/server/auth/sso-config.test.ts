import { describe, expect, it } from 'vitest'
import {
  decideSsoSignIn,
  domainAllowed,
  parseSsoConfig,
  roleFromClaims,
  SsoConfigError,
  ssoErrorMessageKey,
} from './sso-config'

const minimal = {
  SSO_ISSUER: 'https://id.example.com/',
  SSO_CLIENT_ID: 'hindsight',
  SSO_CLIENT_SECRET: 's3cret',
  SSO_ALLOWED_DOMAINS: 'example.com',
}

function errorOf(env: Record<string, string | undefined>): string {
  try {
    parseSsoConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(SsoConfigError)
    return (error as Error).message
  }
  throw new Error('expected an SsoConfigError')
}

describe('parseSsoConfig', () => {
  it('is off without SSO_ISSUER (empty counts as unset)', () => {
    expect(parseSsoConfig({})).toBeNull()
    expect(parseSsoConfig({ SSO_ISSUER: '  ', PATH: '/bin' })).toBeNull()
  })

  it('reads the minimal configuration with its defaults', () => {
    expect(parseSsoConfig(minimal)).toEqual({
      issuer: 'https://id.example.com',
      discoveryUrl: 'https://id.example.com/.well-known/openid-configuration',
      clientId: 'hindsight',
      clientSecret: 's3cret',
      providerName: 'SSO',
      scopes: ['openid', 'email', 'profile'],
      allowedDomains: ['example.com'],
      defaultRole: 'VIEWER',
      roleClaim: null,
      roleMap: {},
      passwordSignIn: true,
    })
  })

  it('reads every option', () => {
    const config = parseSsoConfig({
      ...minimal,
      SSO_PROVIDER_NAME: 'Acme ID',
      SSO_SCOPES: 'email profile groups',
      SSO_ALLOWED_DOMAINS: 'Example.com, @acme.cn example.com',
      SSO_DEFAULT_ROLE: 'editor',
      SSO_ROLE_CLAIM: 'groups',
      SSO_ROLE_MAP: 'hindsight-admins=ADMIN, eng=editor',
      SSO_PASSWORD_SIGN_IN: 'off',
    })
    expect(config).toMatchObject({
      providerName: 'Acme ID',
      scopes: ['openid', 'email', 'profile', 'groups'],
      allowedDomains: ['example.com', 'acme.cn'],
      defaultRole: 'EDITOR',
      roleClaim: 'groups',
      roleMap: { 'hindsight-admins': 'ADMIN', eng: 'EDITOR' },
      passwordSignIn: false,
    })
  })

  it('names each missing or bad variable', () => {
    const message = errorOf({ SSO_ISSUER: 'not a url', SSO_ALLOWED_DOMAINS: 'example' })
    expect(message).toContain('SSO_ISSUER')
    expect(message).toContain('SSO_CLIENT_ID')
    expect(message).toContain('SSO_CLIENT_SECRET')
    expect(message).toMatch(/SSO_ALLOWED_DOMAINS.*domain such as example\.com/)
  })

  it('requires allowed domains', () => {
    expect(errorOf({ ...minimal, SSO_ALLOWED_DOMAINS: undefined })).toContain('SSO_ALLOWED_DOMAINS')
    expect(errorOf({ ...minimal, SSO_ALLOWED_DOMAINS: ' , ' })).toContain('SSO_ALLOWED_DOMAINS')
  })

  it('refuses an unknown role, a bad role map and a half-configured claim', () => {
    expect(errorOf({ ...minimal, SSO_DEFAULT_ROLE: 'OWNER' })).toMatch(/SSO_DEFAULT_ROLE.*"OWNER"/)
    expect(errorOf({ ...minimal, SSO_ROLE_CLAIM: 'groups', SSO_ROLE_MAP: 'admins' })).toContain(
      'SSO_ROLE_MAP',
    )
    expect(errorOf({ ...minimal, SSO_ROLE_CLAIM: 'groups' })).toMatch(/SSO_ROLE_MAP: is required/)
    expect(errorOf({ ...minimal, SSO_ROLE_MAP: 'a=ADMIN' })).toMatch(/SSO_ROLE_CLAIM: is required/)
    expect(errorOf({ ...minimal, SSO_PASSWORD_SIGN_IN: 'maybe' })).toContain('SSO_PASSWORD_SIGN_IN')
  })

  it('refuses SSO settings without an issuer rather than ignoring them', () => {
    expect(errorOf({ SSO_CLIENT_ID: 'x', SSO_PASSWORD_SIGN_IN: 'off' })).toMatch(
      /SSO_ISSUER is required when SSO_CLIENT_ID, SSO_PASSWORD_SIGN_IN/,
    )
  })

  it('accepts an http issuer (a provider on the same machine)', () => {
    expect(parseSsoConfig({ ...minimal, SSO_ISSUER: 'http://localhost:3120' })?.issuer).toBe(
      'http://localhost:3120',
    )
  })
})

describe('domainAllowed', () => {
  const allowed = ['example.com', 'acme.cn']
  it('matches the domain exactly, in any case', () => {
    expect(domainAllowed('ada@example.com', allowed)).toBe(true)
    expect(domainAllowed('Ada@ACME.cn', allowed)).toBe(true)
    expect(domainAllowed('ada@eng.example.com', allowed)).toBe(false)
    expect(domainAllowed('ada@example.com.evil.test', allowed)).toBe(false)
    expect(domainAllowed('ada@notexample.com', allowed)).toBe(false)
    expect(domainAllowed('example.com', allowed)).toBe(false)
    expect(domainAllowed('a@b@example.com', allowed)).toBe(true)
    expect(domainAllowed('ada@example.com@evil.test', allowed)).toBe(false)
  })
})

describe('roleFromClaims', () => {
  const config = { roleClaim: 'groups', roleMap: { admins: 'ADMIN', eng: 'EDITOR', all: 'VIEWER' } as const }
  it('takes the highest role any value maps to', () => {
    expect(roleFromClaims({ groups: ['all', 'eng'] }, config)).toBe('EDITOR')
    expect(roleFromClaims({ groups: ['admins', 'eng'] }, config)).toBe('ADMIN')
    expect(roleFromClaims({ groups: 'all' }, config)).toBe('VIEWER')
  })
  it('is null when nothing maps, the claim is missing or none is configured', () => {
    expect(roleFromClaims({ groups: ['sales', 42] }, config)).toBeNull()
    expect(roleFromClaims({ groups: ['toString', '__proto__'] }, config)).toBeNull()
    expect(roleFromClaims({}, config)).toBeNull()
    expect(roleFromClaims({ groups: ['admins'] }, { roleClaim: null, roleMap: {} })).toBeNull()
  })
})

describe('decideSsoSignIn', () => {
  const config = {
    allowedDomains: ['example.com'],
    roleClaim: 'groups',
    roleMap: { admins: 'ADMIN' } as const,
  }
  it('lets in an allowed domain, with the role from the claim', () => {
    expect(
      decideSsoSignIn({ email: 'Ada@Example.com', email_verified: true, groups: ['admins'] }, config),
    ).toEqual({
      ok: true,
      email: 'ada@example.com',
      role: 'ADMIN',
    })
    expect(decideSsoSignIn({ email: 'bo@example.com' }, config)).toEqual({
      ok: true,
      email: 'bo@example.com',
      role: null,
    })
  })
  it('refuses another domain, an unverified address and no address', () => {
    expect(decideSsoSignIn({ email: 'eve@evil.test', groups: ['admins'] }, config)).toEqual({
      ok: false,
      reason: 'domain-not-allowed',
    })
    expect(decideSsoSignIn({ email: 'bo@example.com', email_verified: false }, config)).toEqual({
      ok: false,
      reason: 'email-not-verified',
    })
    expect(decideSsoSignIn({ email: 'bo@example.com', email_verified: 'false' }, config)).toMatchObject({
      ok: false,
    })
    expect(decideSsoSignIn({ sub: '1' }, config)).toEqual({ ok: false, reason: 'no-email' })
  })
})

describe('ssoErrorMessageKey', () => {
  it("names the sign-in page's message for each way back from the provider", () => {
    expect(ssoErrorMessageKey('sso_domain_not_allowed')).toBe('ssoDomainNotAllowed')
    expect(ssoErrorMessageKey('sso_email_not_verified')).toBe('ssoEmailNotVerified')
    expect(ssoErrorMessageKey('email_not_found')).toBe('ssoNoEmail')
    expect(ssoErrorMessageKey('ACCOUNT_DEACTIVATED')).toBe('deactivated')
    expect(ssoErrorMessageKey('state_mismatch')).toBe('ssoFailed')
    expect(ssoErrorMessageKey('<script>')).toBe('ssoFailed')
  })
})
