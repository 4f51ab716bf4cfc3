import 'server-only'
import { db } from '../db'
import { requestLimits } from '../env'
import { createRateLimiter } from './rate-limit'

/*
 * Sign-in limits, counted in the database (every process and instance shares them), built
 * so that one attacker slows guessing but cannot lock anyone else out:
 *
 * - one address, one account: 5 failures in 15 minutes, then that address waits (a person
 *   elsewhere signs in to the same account);
 * - one account, every address: after 5 failures within the hour, each address that fails
 *   again waits 2, 4, 8 … seconds (at most 15 minutes) before its next try at that account,
 *   so a guess spread over many addresses gets slower and slower; an address that has not
 *   failed is not slowed, so the right password from elsewhere still passes;
 * - one address, every account: 50 failures in 15 minutes, then that address waits, except
 *   for an account that has signed in from that address in the last 30 days (so people who
 *   share an address with an attacker keep signing in).
 *
 * A successful sign-in forgets the account's count and that address's failures; an admin
 * can forget every failure of an account (forgetAccountFailures, from the users page).
 * The first and the last limit and their window come from the environment (env.ts's
 * requestLimits: the numbers above are the defaults; the end-to-end server sets small ones).
 */
const MINUTE = 60_000
const limits = requestLimits()
const pair = createRateLimiter({ name: 'sign-in-pair', ...limits.signInPerAccount })
const perAddress = createRateLimiter({ name: 'sign-in-address', ...limits.signInPerAddress })
const accountFailures = createRateLimiter({ name: 'sign-in-failures', max: 5, windowMs: 60 * MINUTE })
const MAX_DELAY_MS = 15 * MINUTE
const KNOWN_FOR_MS = 30 * 24 * 60 * MINUTE

/** Seconds an address waits after the account's `failures`-th failure within the hour. */
export function delayAfter(failures: number): number {
  return failures <= 5 ? 0 : Math.min(2 ** (failures - 5), MAX_DELAY_MS / 1000)
}

const normalizeEmail = (email: string) => email.trim().toLowerCase()
// The email first, so that everything about one account shares a key prefix.
const pairKey = (email: string, address: string) => `${normalizeEmail(email)}|${address}`
const waitKey = (email: string, address: string) => `sign-in-wait:${pairKey(email, address)}`
const knownKey = (email: string, address: string) => `sign-in-known:${pairKey(email, address)}`

/** A row that means something until resetAt (a wait, a known address). */
async function mark(key: string, until: Date) {
  await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 0, resetAt: until },
    update: { resetAt: until },
  })
}

async function activeUntil(key: string, now: Date): Promise<Date | null> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { resetAt: true } })
  return row && row.resetAt > now ? row.resetAt : null
}

const secondsUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))

/**
 * Counts one sign-in attempt before the password is checked. Resolves to the seconds to
 * wait when over a limit, else 0.
 */
export async function countSignInAttempt(address: string, email: string, now = new Date()): Promise<number> {
  const [overPair, overAddress, wait, known] = await Promise.all([
    pair.hit(pairKey(email, address), now),
    perAddress.hit(address, now),
    activeUntil(waitKey(email, address), now),
    activeUntil(knownKey(email, address), now),
  ])
  return Math.max(overPair, known ? 0 : overAddress, wait ? secondsUntil(wait, now) : 0)
}

/** A wrong password: the account's count grows, and past 5 this address waits. */
export async function recordSignInFailure(address: string, email: string, now = new Date()): Promise<void> {
  const { count } = await accountFailures.add(normalizeEmail(email), now)
  const seconds = delayAfter(count)
  if (seconds > 0) await mark(waitKey(email, address), new Date(now.getTime() + seconds * 1000))
}

/**
 * After a successful sign-in: the account's count and this address's failures no longer
 * count (other addresses keep theirs), and the address is known for the account.
 */
export async function forgetSignInFailures(address: string, email: string, now = new Date()): Promise<void> {
  await Promise.all([
    accountFailures.reset(normalizeEmail(email)),
    pair.reset(pairKey(email, address)),
    db.rateLimit.deleteMany({ where: { key: waitKey(email, address) } }),
    perAddress.refund(address),
    mark(knownKey(email, address), new Date(now.getTime() + KNOWN_FOR_MS)),
  ])
}

/** Every failure of an account from every address, forgotten: it can sign in again at once. */
export async function forgetAccountFailures(email: string): Promise<void> {
  const account = normalizeEmail(email)
  await db.$executeRaw`
    DELETE FROM "RateLimit"
    WHERE key = ${`sign-in-failures:${account}`}
       OR starts_with(key, ${`sign-in-pair:${account}|`})
       OR starts_with(key, ${`sign-in-wait:${account}|`})`
}

/** Failed sign-ins within the hour, per email (for the users page); 0 when none. */
export async function countRecentFailures(emails: string[], now = new Date()): Promise<Map<string, number>> {
  const rows = await db.rateLimit.findMany({
    where: {
      key: { in: emails.map((email) => `sign-in-failures:${normalizeEmail(email)}`) },
      resetAt: { gt: now },
    },
    select: { key: true, count: true },
  })
  return new Map(rows.map((row) => [row.key.slice('sign-in-failures:'.length), row.count]))
}
