import 'server-only'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api'
import { nextCookies } from 'better-auth/next-js'
import { db } from '../db'
import { PASSWORD_MAX, PASSWORD_MIN, userName } from './schemas'
import { authSecret } from './secret'
import { clientAddress } from './client-address'
import { recordAuditEvent } from '../audit/record-audit-event'
import { countSignInAttempt, forgetSignInFailures, recordSignInFailure } from './sign-in-limits'
import * as sso from './sso'
import { refuseDeactivated } from './account-status'

/*
 * Accounts are created only by Hindsight's own use cases (first-run setup, admins), never
 * by public sign-up. Sign-in, the one thing a stranger can try, is limited by the hooks
 * below, counted in the database: the sign-in page's server action (src/server/auth/sign-in.ts)
 * and the HTTP endpoint (/api/auth/sign-in/email) share one count across every server
 * process (sign-in-limits.ts says which limits). better-auth's own limiter counts in each
 * process's memory, so it is off.
 */
const SIGN_IN = '/sign-in/email'

/** The app's name rule (schemas.ts) on better-auth's writes: a 400, never a stored bad name. */
function checkedName(name: unknown): string {
  const parsed = userName.safeParse(name)
  if (!parsed.success)
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: 'A name is 1 to 100 characters.' })
  return parsed.data
}
/*
 * Passwords change only through Hindsight's use cases (src/server/users: own change with the
 * current password, one-time links from admins), which apply the app's rules, end the
 * other sessions and write the audit log; better-auth's endpoints for it are off.
 */
const passwordPaths = ['/change-password', '/request-password-reset', '/reset-password']

export const auth = betterAuth({
  appName: 'Hindsight',
  secret: authSecret(),
  baseURL: process.env.BETTER_AUTH_URL,
  database: prismaAdapter(db, { provider: 'postgresql' }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: PASSWORD_MIN,
    maxPasswordLength: PASSWORD_MAX,
  },
  ...sso.ssoAccountLinking(),
  user: {
    validateUserInfo: sso.validateSsoUserInfo,
    additionalFields: {
      role: { type: 'string', input: false, defaultValue: 'VIEWER' },
      // Read by getCurrentUser: a deactivated account's session is refused on its next request.
      deactivatedAt: { type: 'date', required: false, input: false },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
  },
  rateLimit: { enabled: false },
  // Names change through Hindsight's use cases (admins, first-run setup, each person's own
  // in Settings: users/change-own-name.ts), never through better-auth's profile endpoint,
  // which would let an editor call themself anything ("Ada Admin", 100,000 characters). Any
  // other path that writes a name keeps the app's rule (databaseHooks).
  disabledPaths: ['/update-user', ...passwordPaths],
  databaseHooks: {
    user: {
      create: {
        before: async (user, ctx) => ({
          data: { ...user, name: checkedName(user.name), ...sso.ssoNewAccountRole(ctx) },
        }),
        after: sso.recordSsoAccountCreated,
      },
      update: {
        before: async (user) =>
          user.name === undefined ? { data: user } : { data: { ...user, name: checkedName(user.name) } },
      },
    },
    session: {
      create: {
        before: async (session) => {
          await refuseDeactivated(session.userId)
          return { data: session }
        },
      },
    },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const email: unknown = ctx.body?.email
      if (ctx.path !== SIGN_IN || typeof email !== 'string') return
      if (!sso.passwordSignInAllowed()) throw sso.passwordSignInOff()
      const wait = await countSignInAttempt(clientAddress(ctx.headers), email)
      if (wait > 0)
        throw new APIError(
          'TOO_MANY_REQUESTS',
          { code: 'RATE_LIMITED', message: 'Too many sign-in attempts.', retryAfter: wait },
          { 'Retry-After': String(wait) },
        )
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (await sso.recordSsoCallback(ctx)) return
      const email: unknown = ctx.body?.email
      if (ctx.path !== SIGN_IN || typeof email !== 'string') return
      const returned: unknown = ctx.context.returned
      const address = clientAddress(ctx.headers)
      const session = ctx.context.newSession
      if (session) {
        await forgetSignInFailures(address, email)
        await recordAuditEvent({ actor: session.user, action: 'sign-in', address })
      } else if (isAPIError(returned) && returned.statusCode === 401) {
        await recordSignInFailure(address, email)
        // The e-mail that was tried, whether or not such an account exists.
        await recordAuditEvent({ actor: null, action: 'sign-in-failed', detail: email, address })
      }
    }),
  },
  advanced: {
    // One cookie name everywhere: better-auth otherwise guesses "secure" differently for
    // server components (no request: assumes production https) and route handlers (reads
    // http from the request), and the session is found in one and not the other. Secure
    // cookies when the public URL is https.
    useSecureCookies: process.env.BETTER_AUTH_URL?.startsWith('https://') ?? false,
  },
  telemetry: { enabled: false },
  // Without BETTER_AUTH_URL the origin comes from each request, which is what we want on
  // localhost and behind a proxy; its start-up warning about that would only confuse.
  logger: { level: 'error' },
  plugins: [...sso.ssoPlugins(), nextCookies()],
})
