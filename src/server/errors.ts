import type { DomainErrorCode } from './result'

/** The one table from domain error codes to HTTP statuses (JSON API and pages). */
export const httpStatus: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
}

/**
 * True when an error means the database cannot be reached (connection refused, reset,
 * timed out, terminated by an administrator, or the embedded database failed to open).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown }
    const code = typeof e.code === 'string' ? e.code : ''
    const message = typeof e.message === 'string' ? e.message : ''
    if (
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'P1001',
        'P1002',
        'P1017',
        '57P01',
        '57P03',
      ].includes(code)
    )
      return true
    if (
      /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|the database system is (starting up|shutting down)/i.test(
        message,
      )
    )
      return true
    current = e.cause
  }
  return false
}
