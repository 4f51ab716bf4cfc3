import 'server-only'
import { APIError, isAPIError } from 'better-auth/api'
import { genericOAuth } from 'better-auth/plugins'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db } from '../db'
import { clientAddress } from './client-address'
import type { Role } from '../roles'
import { decideSsoSignIn, parseSsoConfig, SSO_PROVIDER_ID, ssoErrorCodes, type SsoConfig } from './sso-config'

/*
 * Single sign-on through better-auth's genericOAuth plugin (decision 015). The provider's
 * login is better-auth's own social sign-in: state, PKCE, nonce and ID-token verification
 * against the discovered JWKS are its work. Hindsight adds who may come in (the allowed
 * domains), with which role (the default, or the role claim), and the audit entries.
 */

let parsed: { config: SsoConfig | null } | undefined

/** The SSO_* settings, read once; a bad one throws SsoConfigError (scripts/start.ts checks first). */
export function ssoConfig(): SsoConfig | null {
  parsed ??= { config: parseSsoConfig(process.env) }
  return parsed.config
}

/** False when SSO_PASSWORD_SIGN_IN=off: the form is hidden and /sign-in/email refuses. */
export function passwordSignInAllowed(): boolean {
  return ssoConfig()?.passwordSignIn ?? true
}

export function passwordSignInOff(): APIError {
  return new APIError('FORBIDDEN', {
    code: 'PASSWORD_SIGN_IN_OFF',
    message: 'Password sign-in is off: sign in with single sign-on.',
  })
}

type Claims = Record<string, unknown>

function jwtClaims(token: string | undefined): Claims {
  const payload = token?.split('.')[1]
  if (!payload) return {}
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? (claims as Claims) : {}
  } catch {
    return {}
  }
}

let userinfoEndpoint: Promise<string | null> | undefined

async function discoveredUserinfoEndpoint(config: SsoConfig): Promise<string | null> {
  userinfoEndpoint ??= fetch(config.discoveryUrl, { signal: AbortSignal.timeout(10_000) })
    .then(async (response) => {
      const document = (await response.json()) as { userinfo_endpoint?: unknown }
      return typeof document.userinfo_endpoint === 'string' ? document.userinfo_endpoint : null
    })
    .catch(() => {
      userinfoEndpoint = undefined // try again on the next sign-in
      return null
    })
  return userinfoEndpoint
}

/**
 * The ID token's claims merged with the userinfo endpoint's. better-auth reads only the ID
 * token when it carries an e-mail, and many providers send a groups or roles claim only from
 * userinfo. better-auth has verified the ID token before this runs, and it checks that the
 * `sub` returned here is the ID token's.
 */
async function userInfo(config: SsoConfig, tokens: { idToken?: string; accessToken?: string }) {
  const fromIdToken = jwtClaims(tokens.idToken)
  let fromUserinfo: Claims = {}
  const endpoint = tokens.accessToken ? await discoveredUserinfoEndpoint(config) : null
  if (endpoint) {
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null)
    if (response?.ok) fromUserinfo = ((await response.json().catch(() => ({}))) as Claims) ?? {}
  }
  if (fromIdToken.sub !== undefined && fromUserinfo.sub !== undefined && fromUserinfo.sub !== fromIdToken.sub)
    fromUserinfo = {}
  const claims: Claims = { ...fromUserinfo, ...fromIdToken }
  if (config.roleClaim && fromUserinfo[config.roleClaim] !== undefined)
    claims[config.roleClaim] = fromUserinfo[config.roleClaim]
  if (claims.sub === undefined) return null
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined
  return {
    ...claims,
    id: String(claims.sub as string | number),
    sub: claims.sub as string | number,
    email,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: displayName(claims, email),
    image: undefined,
  }
}

/** A name within the app's rule (1 to 100 characters), whatever the provider sends. */
function displayName(claims: Claims, email: string | undefined): string {
  for (const value of [claims.name, claims.preferred_username, email?.split('@')[0], 'SSO user']) {
    const name = typeof value === 'string' ? value.trim().slice(0, 100) : ''
    if (name) return name
  }
  return 'SSO user'
}

/** The genericOAuth plugin for the configured provider, or nothing when SSO is off. */
export function ssoPlugins() {
  const config = ssoConfig()
  if (!config) return []
  return [
    genericOAuth({
      config: [
        {
          providerId: SSO_PROVIDER_ID,
          name: config.providerName,
          discoveryUrl: config.discoveryUrl,
          requireIdTokenVerification: true,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          scopes: config.scopes,
          pkce: true,
          getUserInfo: (tokens) => userInfo(config, tokens),
        },
      ],
    }),
  ]
}

/**
 * Existing password accounts (made by an admin) are linked to the provider on their first
 * single sign-on with the same e-mail: the provider is trusted for its allowed domains, and
 * admin-made accounts never verify their e-mail.
 */
export function ssoAccountLinking() {
  return ssoConfig()
    ? {
        account: {
          accountLinking: { trustedProviders: [SSO_PROVIDER_ID], requireLocalEmailVerified: false },
        },
      }
    : {}
}

/** The role a just-in-time account gets, per sign-in request (better-auth's endpoint context). */
const newAccountRoles = new WeakMap<object, Role>()

type ValidateData = {
  user: { id?: unknown; email?: unknown } & Record<string, unknown>
  source: {
    action: string
    method: string
    oauth?: { providerId: string; profile?: Record<string, unknown> }
  }
}
type EndpointContext = { headers?: Headers | null }

/**
 * better-auth's `user.validateUserInfo`: runs on every single sign-on (new account, first
 * link to an existing account, returning sign-in) with the provider's fresh claims. A refusal
 * redirects to the sign-in page with `?error=sso_…` (the page explains it) and is audited.
 * A returning person's role follows the role claim when it maps to a role; an unmapped
 * claim leaves the role an admin gave them.
 */
export async function validateSsoUserInfo(data: ValidateData, ctx: EndpointContext) {
  const config = ssoConfig()
  if (!config || data.source.method !== 'oauth' || data.source.oauth?.providerId !== SSO_PROVIDER_ID) return
  const claims = { ...data.source.oauth.profile, email: data.user.email ?? data.source.oauth.profile?.email }
  const decision = decideSsoSignIn(claims, config)
  const address = clientAddress(ctx.headers ?? new Headers())
  if (!decision.ok) {
    // Not inside a database transaction: better-auth's Prisma adapter runs without one here.
    await recordAuditEvent({
      actor: null,
      action: 'sso-sign-in-refused',
      detail: `${typeof claims.email === 'string' ? claims.email : '(no e-mail)'}: ${decision.reason}`,
      address,
    })
    return { error: ssoErrorCodes[decision.reason] }
  }
  if (data.source.action === 'create-user') {
    newAccountRoles.set(ctx, decision.role ?? config.defaultRole)
    return
  }
  const id = typeof data.user.id === 'string' ? data.user.id : null
  if (!decision.role || !id) return
  const user = await db.user.findUnique({ where: { id }, select: { role: true, email: true } })
  if (!user || user.role === decision.role) return
  await db.$transaction(async (tx) => {
    if (user.role === 'ADMIN') {
      // As in set-user-role.ts: the provider never demotes the last admin.
      const admins = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "User" WHERE role = 'ADMIN' AND "deactivatedAt" IS NULL FOR UPDATE`
      if (admins.length <= 1) return
    }
    await tx.user.update({ where: { id }, data: { role: decision.role ?? user.role } })
    await recordAuditEvent(
      {
        actor: { name: config.providerName },
        action: 'role-changed',
        target: `user:${user.email}`,
        detail: `${user.role} → ${decision.role} (${config.roleClaim})`,
      },
      tx,
    )
  })
}

/** For databaseHooks.user.create.before: the role of a just-in-time account, if this is one. */
export function ssoNewAccountRole(ctx: unknown): { role: Role } | Record<string, never> {
  const role = ctx && typeof ctx === 'object' ? newAccountRoles.get(ctx) : undefined
  return role ? { role } : {}
}

/** For databaseHooks.user.create.after: audits a just-in-time account. */
export async function recordSsoAccountCreated(user: { email: string; role?: unknown }, ctx: unknown) {
  const role = ctx && typeof ctx === 'object' ? newAccountRoles.get(ctx) : undefined
  if (!role) return
  await recordAuditEvent({
    actor: { name: ssoConfig()?.providerName ?? 'SSO' },
    action: 'user-created',
    target: `user:${user.email}`,
    detail: `${role} (single sign-on)`,
  })
}

const CALLBACK = `/callback/:id`

type AfterContext = {
  path?: string
  params?: Record<string, unknown>
  headers?: Headers | null
  context: { returned?: unknown; newSession?: { user: { id: string; name: string; email: string } } | null }
}

/**
 * For the after-hook: audits the end of a single sign-on. Refusals by the rules above were
 * audited as they happened; any other failure (state mismatch, account not linked, provider
 * error) is recorded here with better-auth's code. Returns whether this was an SSO callback.
 */
export async function recordSsoCallback(ctx: AfterContext): Promise<boolean> {
  if (ctx.path !== CALLBACK || ctx.params?.id !== SSO_PROVIDER_ID) return false
  const address = clientAddress(ctx.headers ?? new Headers())
  const session = ctx.context.newSession
  if (session) {
    await recordAuditEvent({ actor: session.user, action: 'sso-sign-in', address })
    return true
  }
  const returned = ctx.context.returned
  const location = isAPIError(returned) ? new Headers(returned.headers).get('location') : null
  const error = location ? new URL(location, 'http://hindsight.invalid').searchParams.get('error') : null
  if (error && !error.startsWith('sso_'))
    await recordAuditEvent({ actor: null, action: 'sso-sign-in-failed', detail: error, address })
  return true
}
