import 'server-only'
import { createHash } from 'node:crypto'
import { requestLimits } from '../env'
import { createRateLimiter } from './rate-limit'

/*
 * Requests per API token on the JSON API: a deploy gate polls a few times a minute, so a
 * token that sends more than 300 a minute (API_TOKEN_LIMIT in API_TOKEN_LIMIT_WINDOW_SECONDS)
 * is a runaway script or a stolen token, and is answered 429 with Retry-After before the
 * token is even looked up. Counted per presented token (its hash), valid or not, in the
 * database: across every server process.
 */
const perToken = createRateLimiter({ name: 'api-token', ...requestLimits().apiToken })

/** Seconds to wait before this request's bearer token may be used again, else 0 (also without a token). */
export async function tokenRetryAfter(authorization: string | null, now = new Date()): Promise<number> {
  const token = authorization?.match(/^Bearer\s+(\S{1,200})$/i)?.[1]
  if (!token) return 0
  return perToken.hit(createHash('sha256').update(token).digest('hex'), now)
}
