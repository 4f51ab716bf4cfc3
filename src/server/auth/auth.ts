import 'server-only'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { db } from '../db'
import { PASSWORD_MAX, PASSWORD_MIN } from '../users/schemas'
import { authSecret } from './secret'

/*
 * Accounts are created only by Hindsight's own use cases (first-run setup, admins), never
 * by public sign-up. Sign-in goes through a server action (src/server/auth/sign-in.ts),
 * which rate-limits; better-auth's own limiter guards its HTTP endpoints as well.
 */
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
  user: {
    additionalFields: {
      role: { type: 'string', input: false, defaultValue: 'VIEWER' },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
  },
  rateLimit: {
    enabled: true,
    window: 60,
    max: 100,
    customRules: { '/sign-in/email': { window: 60, max: 5 } },
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
  plugins: [nextCookies()],
})
