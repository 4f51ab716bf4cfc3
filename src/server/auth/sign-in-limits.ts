import 'server-only'
import { createRateLimiter } from './rate-limit'

// 5 failed attempts per address and email in 15 minutes, 50 attempts per address.
const perAccount = createRateLimiter({ name: 'sign-in-account', max: 5, windowMs: 15 * 60_000 })
const perAddress = createRateLimiter({ name: 'sign-in-address', max: 50, windowMs: 15 * 60_000 })

const accountKey = (address: string, email: string) => `${address}|${email.trim().toLowerCase()}`

/**
 * Counts one sign-in attempt (every process and instance shares the count: it is in the
 * database). Resolves to the seconds to wait when over a limit, else 0.
 */
export async function countSignInAttempt(address: string, email: string): Promise<number> {
  return Math.max(await perAccount.hit(accountKey(address, email)), await perAddress.hit(address))
}

/** After a successful sign-in, earlier failures of that account no longer count. */
export async function forgetSignInFailures(address: string, email: string): Promise<void> {
  await perAccount.reset(accountKey(address, email))
}
