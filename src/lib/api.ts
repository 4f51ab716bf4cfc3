import 'server-only'
import { headers } from 'next/headers'
import type { z } from 'zod'
import { tokenRetryAfter } from '@/server/auth/api-token-rate-limit'
import { authorize } from '@/server/auth/current-user'
import type { Actor, Role } from '@/server/auth/roles'
import { httpStatus, isDatabaseUnavailable } from '@/server/errors'
import type { DomainError, DomainErrorCode } from '@/server/result'

/*
 * Helpers for route handlers: every handler authorizes with the same rule as pages, parses
 * its body with the domain's zod schema, and answers errors as { error: { code, message } }
 * with the status from src/server/errors.ts — never a stack trace.
 */

export const MAX_JSON_BYTES = 1_000_000

export function jsonError(
  code: DomainErrorCode | 'PAYLOAD_TOO_LARGE' | 'BAD_JSON' | 'DATABASE_UNAVAILABLE',
  extra: object = {},
) {
  const status =
    code === 'PAYLOAD_TOO_LARGE'
      ? 413
      : code === 'BAD_JSON'
        ? 400
        : code === 'DATABASE_UNAVAILABLE'
          ? 503
          : httpStatus[code]
  return Response.json({ error: { code, ...extra } }, { status, headers: { 'cache-control': 'no-store' } })
}

export function domainError(error: DomainError, extra: object = {}) {
  return jsonError(error.code, { message: error.message, fields: error.fields, ...extra })
}

type Handler = (ctx: { actor: Actor }) => Promise<Response>

/**
 * Requires a session (or an API token) with at least `role`; maps an unreachable database
 * to 503. A token over its rate limit gets 429 with Retry-After.
 */
export async function withActor(role: Role, handler: Handler): Promise<Response> {
  try {
    const retryAfter = await tokenRetryAfter((await headers()).get('authorization'))
    if (retryAfter > 0) {
      const response = jsonError('RATE_LIMITED', { message: 'Too many requests with this API token.' })
      response.headers.set('retry-after', String(retryAfter))
      return response
    }
    const auth = await authorize(role)
    if (!auth.ok) return domainError(auth.error)
    return await handler({ actor: auth.data })
  } catch (error) {
    if (isDatabaseUnavailable(error)) return jsonError('DATABASE_UNAVAILABLE')
    console.error(error)
    return Response.json({ error: { code: 'INTERNAL', message: 'Unexpected error' } }, { status: 500 })
  }
}

/** Reads a JSON body no larger than `maxBytes` and parses it with `schema`. */
export async function parseJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_JSON_BYTES,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) return { ok: false, response: jsonError('PAYLOAD_TOO_LARGE') }
  const text = await request.text()
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: jsonError('PAYLOAD_TOO_LARGE') }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, response: jsonError('BAD_JSON', { message: 'The body is not valid JSON.' }) }
  }
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, data: parsed.data }
  const issues = parsed.error.issues
    .slice(0, 50)
    .map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  return { ok: false, response: jsonError('INVALID_INPUT', { issues }) }
}
