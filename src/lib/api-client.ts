import type { ImportRequest, ImportResponse } from '../../app/api/v1/imports/route'
import type { PreviewError, PreviewResponse } from '../../app/api/v1/imports/preview/route'
import type { LaunchNamesResponse } from '../../app/api/v1/launches/route'
import type { SearchApiResponse } from '../../app/api/v1/search/route'
import type { SimilarRequest, SimilarResponse } from '../../app/api/v1/search/similar/route'
import type {
  SavePostmortemError,
  SavePostmortemRequest,
  SavePostmortemResponse,
} from '../../app/api/v1/postmortems/[number]/route'

/*
 * The one way the browser calls this app's JSON API. Each route exports the types of what it
 * takes and answers (derived from its use case), and `Endpoints` names them, so changing a
 * route's answer breaks its callers at compile time instead of in the browser. Only types
 * come from the route files: nothing server-side reaches the client bundle.
 */

/** What a value becomes once through JSON: dates as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends object
    ? { [K in keyof T]: Json<T[K]> } // arrays and tuples keep their shape
    : T

/** What a use case hands back on success, as its route answers it in JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer<F extends (...args: any[]) => unknown> = Json<
  Extract<Awaited<ReturnType<F>>, { ok: true }> extends { data: infer D } ? D : never
>

/** The body of every error answer (`jsonError` in src/lib/api.ts), plus what a route adds. */
export type ApiError<Extra = object> = {
  code: string
  message?: string
  fields?: Record<string, string>
  issues?: { path: string; message: string }[]
} & Partial<Extra>

type Endpoint<Body, Data, Extra = object> = { body: Body; data: Data; error: ApiError<Extra> }

export type Endpoints = {
  'POST /api/v1/imports/preview': Endpoint<string, PreviewResponse, PreviewError>
  'POST /api/v1/imports': Endpoint<ImportRequest, ImportResponse>
  'PUT /api/v1/postmortems/:number': Endpoint<
    SavePostmortemRequest,
    SavePostmortemResponse,
    SavePostmortemError
  >
  'GET /api/v1/launches': Endpoint<undefined, LaunchNamesResponse>
  'GET /api/v1/search': Endpoint<undefined, SearchApiResponse>
  'POST /api/v1/search/similar': Endpoint<SimilarRequest, SimilarResponse>
}

/** `status` 0: the request never got an answer (offline, or the answer was not JSON). */
export type ApiAnswer<E extends keyof Endpoints> =
  | { ok: true; status: number; data: Endpoints[E]['data'] }
  | { ok: false; status: number; error: Endpoints[E]['error'] }

type Params<E extends string> = E extends `${string}:${infer Name}`
  ? Record<Name, string | number>
  : undefined
type Body<E extends keyof Endpoints> = Endpoints[E]['body'] extends undefined
  ? { body?: undefined }
  : { body: Endpoints[E]['body'] }
type Options<E extends keyof Endpoints> = Body<E> & {
  params?: Params<E>
  query?: Record<string, string | number>
  keepalive?: boolean
  signal?: AbortSignal
}

/**
 * `callApi('PUT /api/v1/postmortems/:number', { params: { number: 7 }, body })`. A string body
 * goes as text, anything else as JSON. Never throws: a network failure (or an abort through
 * `signal`) is `status: 0`.
 */
export async function callApi<E extends keyof Endpoints>(
  endpoint: E,
  options: Options<E>,
): Promise<ApiAnswer<E>> {
  const [method, pattern] = endpoint.split(' ') as [string, string]
  const path = pattern.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String((options.params as Record<string, unknown> | undefined)?.[name])),
  )
  const query = options.query
    ? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]) => [k, String(v)]))}`
    : ''
  const { body } = options
  try {
    const response = await fetch(path + query, {
      method,
      keepalive: options.keepalive,
      signal: options.signal,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { body }
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    const answer: unknown = await response.json().catch(() => null)
    if (response.ok && answer !== null) return { ok: true, status: response.status, data: answer as never }
    const error = (answer as { error?: ApiError } | null)?.error
    return { ok: false, status: response.status, error: (error ?? { code: 'UNKNOWN' }) as never }
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK' } as never }
  }
}
