import 'server-only'
import { isAPIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { err, ok, type Result } from '../result'
import type { SignInInput } from '../users/schemas'
import { auth } from './auth'
import { createRateLimiter } from './rate-limit'

// 5 failed attempts per address and email in 15 minutes, 50 per address.
const perAccount = createRateLimiter({ name: 'sign-in-account', max: 5, windowMs: 15 * 60_000 })
const perAddress = createRateLimiter({ name: 'sign-in-address', max: 50, windowMs: 15 * 60_000 })

function clientAddress(h: Headers): string {
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local'
}

/**
 * Signs in with email and password; the session cookie is set by better-auth's
 * nextCookies plugin. Failures are counted per address and email.
 */
export async function signIn({ input }: { input: SignInInput }): Promise<Result<null>> {
  const h = await headers()
  const address = clientAddress(h)
  const accountKey = `${address}|${input.email}`
  const wait = Math.max(await perAccount.hit(accountKey), await perAddress.hit(address))
  if (wait > 0) return err('RATE_LIMITED', { message: String(wait) })
  try {
    await auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: new Headers({ 'user-agent': h.get('user-agent') ?? '', 'x-forwarded-for': address }),
    })
  } catch (error) {
    if (isAPIError(error) && error.statusCode < 500) return err('UNAUTHENTICATED')
    throw error
  }
  await perAccount.reset(accountKey)
  return ok(null)
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() })
}
