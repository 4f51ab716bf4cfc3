import 'server-only'
import { isAPIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { err, ok, type Result } from '../result'
import type { SignInInput } from './schemas'
import { auth } from './auth'
import { clientAddress } from './client-address'

/**
 * Signs in with email and password; the session cookie is set by better-auth's
 * nextCookies plugin. Attempts are counted per address and email (auth.ts's hooks);
 * over the limit, the error's message is the seconds to wait.
 */
export async function signIn({ input }: { input: SignInInput }): Promise<Result<null>> {
  const h = await headers()
  try {
    await auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: new Headers({ 'user-agent': h.get('user-agent') ?? '', 'x-forwarded-for': clientAddress(h) }),
    })
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 429)
      return err('RATE_LIMITED', { message: String(error.body?.retryAfter ?? 60) })
    // The right password of a deactivated account (auth.ts): only its owner learns why.
    if (isAPIError(error) && error.body?.code === 'ACCOUNT_DEACTIVATED')
      return err('FORBIDDEN', { message: 'deactivated' })
    if (isAPIError(error) && error.statusCode < 500) return err('UNAUTHENTICATED')
    throw error
  }
  return ok(null)
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() })
}
