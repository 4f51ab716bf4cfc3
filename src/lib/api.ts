import 'server-only'
import { headers } from 'next/headers'
import type { z } from 'zod'
import { tokenRetryAfter } from '@/server/auth/api-token-rate-limit'
import { authorize } from '@/server/auth/current-user'
import type { Actor, Role } from '@/server/roles'
import { httpStatus, isDatabaseUnavailable } from '@/server/errors'
import type { DomainError, DomainErrorCode } from '@/server/result'
import {
  allowHeader,
  crossOriginRefusal,
  httpMethods,
  isJsonContentType,
  type HttpMethod,
} from './request-guard'

/*
 * Helpers for route handlers: every handler authorizes with the same rule as pages, parses
 * its body with the domain's zod schema, and answers errors as { error: { code, message } }
 * with the status from src/server/errors.ts — never a stack trace.
 */

export const MAX_JSON_BYTES = 1_000_000

/** Errors of the HTTP layer itself, beside the domain's (src/server/errors.ts). */
const transportStatus = {
  BAD_JSON: 400,
  CROSS_ORIGIN: 403,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DATABASE_UNAVAILABLE: 503,
} as const

export function jsonError(code: DomainErrorCode | keyof typeof transportStatus, extra: object = {}) {
  const status =
    code in transportStatus
      ? transportStatus[code as keyof typeof transportStatus]
      : httpStatus[code as DomainErrorCode]
  return Response.json({ error: { code, ...extra } }, { status, headers: { 'cache-control': 'no-store' } })
}

/** A refused query string: 422 naming each parameter the schema refused, with its message code. */
export function invalidQuery(error: z.ZodError, extra: object = {}) {
  const fields = Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message]))
  return jsonError('INVALID_INPUT', { ...extra, fields })
}

export function domainError(error: DomainError, extra: object = {}) {
  return jsonError(error.code, { message: error.message, fields: error.fields, ...extra })
}

type Handler = (ctx: { actor: Actor }) => Promise<Response>

/**
 * Requires a session (or an API token) with at least `role`; maps an unreachable database
 * to 503. A token over its rate limit gets 429 with Retry-After. A state-changing request
 * with the session cookie must come from this app's origin (403 CROSS_ORIGIN otherwise):
 * every handler passes its request, so no write can forget the check.
 */
export async function withActor(request: Request, role: Role, handler: Handler): Promise<Response> {
  const refusal = crossOriginRefusal(request)
  if (refusal) return jsonError(refusal.code, { message: refusal.message })
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

/**
 * For the methods a route does not have: 405 with `Allow` and a JSON body, instead of Next's
 * empty 405. `export const { POST, PATCH, DELETE } = otherMethods('GET', 'PUT')`.
 */
export function otherMethods(...allowed: HttpMethod[]): Record<HttpMethod, (request?: Request) => Response> {
  const allow = allowHeader(allowed)
  const refuse = () => {
    const response = jsonError('METHOD_NOT_ALLOWED', { message: `Allowed: ${allow}.` })
    response.headers.set('allow', allow)
    return response
  }
  return Object.fromEntries(httpMethods.map((m) => [m, refuse])) as Record<
    HttpMethod,
    (request?: Request) => Response
  >
}

/**
 * Reads a JSON body no larger than `maxBytes` and parses it with `schema`. Only with
 * `Content-Type: application/json` (415 otherwise): a form or `text/plain` body is what a
 * page on another origin can send without asking, so it is never taken for JSON.
 */
export async function parseJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_JSON_BYTES,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  if (!isJsonContentType(request.headers.get('content-type')))
    return {
      ok: false,
      response: jsonError('UNSUPPORTED_MEDIA_TYPE', { message: 'Send the body as application/json.' }),
    }
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
