import { z } from 'zod'
import { roles, type Role } from '../roles'

/**
 * Single sign-on with the company's OpenID Connect provider, configured by environment
 * variables (README "Operating Hindsight", docs/decisions/015-single-sign-on.md). No
 * server-only and no Prisma: the rules below are pure and unit-tested.
 */
export const SSO_PROVIDER_ID = 'company'

export type SsoConfig = {
  issuer: string
  discoveryUrl: string
  clientId: string
  clientSecret: string
  /** Shown on the sign-in button: "Sign in with <name>". */
  providerName: string
  scopes: string[]
  /** Lower-case domains ("example.com"); a person's e-mail must end in @ one of them. */
  allowedDomains: string[]
  defaultRole: Role
  /** The claim that carries groups or roles ("groups"), and which value gives which role. */
  roleClaim: string | null
  roleMap: Record<string, Role>
  passwordSignIn: boolean
}

const list = (value: string) =>
  value
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter(Boolean)

const domain = z
  .string()
  .transform((value) => value.toLowerCase().replace(/^@/, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as example.com'))

const role = z.string().transform((value, ctx) => {
  const upper = value.trim().toUpperCase()
  if ((roles as readonly string[]).includes(upper)) return upper as Role
  ctx.addIssue({ code: 'custom', message: `one of ${roles.join(', ')}, not "${value}"` })
  return z.NEVER
})

const onOff = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], 'on or off'))
  .transform((value) => ['on', 'true', '1', 'yes'].includes(value))

const required = z.string('is required').trim().min(1, 'is required')

/** `group=ROLE` pairs separated by commas: `hindsight-admins=ADMIN,engineering=EDITOR`. */
const roleMap = z.string().transform((value, ctx) => {
  const map: Record<string, Role> = {}
  for (const pair of value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=')
    const parsed = role.safeParse(at > 0 ? pair.slice(at + 1) : '')
    if (at <= 0 || !parsed.success) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not value=ADMIN|EDITOR|VIEWER` })
      return z.NEVER
    }
    map[pair.slice(0, at).trim()] = parsed.data
  }
  return map
})

const ssoEnv = z
  .object({
    SSO_ISSUER: z.url({ protocol: /^https?$/, error: 'an http(s) URL, the issuer of the provider' }),
    SSO_CLIENT_ID: required,
    SSO_CLIENT_SECRET: required,
    SSO_PROVIDER_NAME: z.string().trim().max(60, 'at most 60 characters').optional(),
    SSO_SCOPES: z.string().optional(),
    SSO_ALLOWED_DOMAINS: z
      .string('a comma-separated list of e-mail domains is required')
      .transform(list)
      .pipe(z.array(domain).min(1, 'a comma-separated list of e-mail domains is required')),
    SSO_DEFAULT_ROLE: role.optional(),
    SSO_ROLE_CLAIM: z.string().trim().optional(),
    SSO_ROLE_MAP: roleMap.optional(),
    SSO_PASSWORD_SIGN_IN: onOff.optional(),
  })
  .superRefine((env, ctx) => {
    const mapped = Object.keys(env.SSO_ROLE_MAP ?? {}).length > 0
    if (mapped && !env.SSO_ROLE_CLAIM)
      ctx.addIssue({
        code: 'custom',
        path: ['SSO_ROLE_CLAIM'],
        message: 'is required when SSO_ROLE_MAP is set',
      })
    if (env.SSO_ROLE_CLAIM && !mapped)
      ctx.addIssue({
        code: 'custom',
        path: ['SSO_ROLE_MAP'],
        message: 'is required when SSO_ROLE_CLAIM is set',
      })
  })

export class SsoConfigError extends Error {
  override name = 'SsoConfigError'
}

/**
 * Single sign-on is on when SSO_ISSUER is set; then every other required variable must be
 * valid too, or the server does not start (an SsoConfigError naming each bad variable).
 * Empty strings count as unset, as they do in most .env files.
 */
export function parseSsoConfig(env: Record<string, string | undefined>): SsoConfig | null {
  const values = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key.startsWith('SSO_') && value?.trim()),
  )
  if (!values.SSO_ISSUER) {
    const stray = Object.keys(values)
    if (stray.length)
      throw new SsoConfigError(`Single sign-on: SSO_ISSUER is required when ${stray.join(', ')} is set.`)
    return null
  }
  const parsed = ssoEnv.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'SSO')}: ${issue.message}`)
    throw new SsoConfigError(`Single sign-on is not configured correctly:\n  ${problems.join('\n  ')}`)
  }
  const e = parsed.data
  const issuer = e.SSO_ISSUER.replace(/\/+$/, '')
  const roleClaim = e.SSO_ROLE_CLAIM || null
  const scopes = e.SSO_SCOPES ? list(e.SSO_SCOPES) : ['openid', 'email', 'profile']
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId: e.SSO_CLIENT_ID,
    clientSecret: e.SSO_CLIENT_SECRET,
    providerName: e.SSO_PROVIDER_NAME || 'SSO',
    scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    allowedDomains: [...new Set(e.SSO_ALLOWED_DOMAINS)],
    defaultRole: e.SSO_DEFAULT_ROLE ?? 'VIEWER',
    roleClaim,
    roleMap: e.SSO_ROLE_MAP ?? {},
    passwordSignIn: e.SSO_PASSWORD_SIGN_IN ?? true,
  }
}

export type SsoRefusal = 'no-email' | 'email-not-verified' | 'domain-not-allowed'
export type SsoDecision = { ok: true; email: string; role: Role | null } | { ok: false; reason: SsoRefusal }

/** The domain of an address, lower-case, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@')
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : ''
  return domain || null
}

/** Exactly one of the allowed domains: a subdomain ("eng.example.com") is not "example.com". */
export function domainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomain(email)
  return domain !== null && allowedDomains.includes(domain)
}

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 }

/**
 * The role a claim gives (a string, or a list of groups): the highest role any of its values
 * maps to, or null when none does (or no claim is configured).
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  config: Pick<SsoConfig, 'roleClaim' | 'roleMap'>,
): Role | null {
  if (!config.roleClaim) return null
  const raw = claims[config.roleClaim]
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string')
  let best: Role | null = null
  for (const value of values) {
    const mapped = Object.hasOwn(config.roleMap, value) ? config.roleMap[value] : undefined
    if (mapped && (!best || rank[mapped] > rank[best])) best = mapped
  }
  return best
}

/**
 * Whether a person the provider vouches for may sign in, and with which role from the claim.
 * An `email_verified` of false is refused; a provider that does not send it (many company
 * directories) is trusted for its own domains.
 */
export function decideSsoSignIn(
  claims: Record<string, unknown>,
  config: Pick<SsoConfig, 'allowedDomains' | 'roleClaim' | 'roleMap'>,
): SsoDecision {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
  if (!email) return { ok: false, reason: 'no-email' }
  const verified = claims.email_verified ?? claims.emailVerified
  if (verified === false || verified === 'false') return { ok: false, reason: 'email-not-verified' }
  if (!domainAllowed(email, config.allowedDomains)) return { ok: false, reason: 'domain-not-allowed' }
  return { ok: true, email, role: roleFromClaims(claims, config) }
}

/** The `?error=` code better-auth redirects to the sign-in page with, per refusal. */
export const ssoErrorCodes = {
  'no-email': 'sso_no_email',
  'email-not-verified': 'sso_email_not_verified',
  'domain-not-allowed': 'sso_domain_not_allowed',
} as const satisfies Record<SsoRefusal, string>

/** The sign-in page's message (SignInPage namespace) for a `?error=` code after single sign-on. */
export function ssoErrorMessageKey(code: string) {
  switch (code) {
    case ssoErrorCodes['domain-not-allowed']:
      return 'ssoDomainNotAllowed'
    case ssoErrorCodes['email-not-verified']:
      return 'ssoEmailNotVerified'
    case ssoErrorCodes['no-email']:
    case 'email_not_found':
      return 'ssoNoEmail'
    case 'ACCOUNT_DEACTIVATED': // account-status.ts, at session creation
      return 'deactivated'
    default:
      return 'ssoFailed'
  }
}
