/*
 * The JSON API's defence against cross-site request forgery (docs/decisions/013). The
 * session cookie is SameSite=Lax, which stops other sites but not a page on another port
 * of the same host: that is the same *site*, so the browser attaches the cookie to its
 * `fetch(…, { mode: 'no-cors', credentials: 'include' })`. Only the *origin* tells them
 * apart, so every state-changing request that carries cookies must come from our origin.
 * Pure functions of the request, without Next, so the rule is tested on its own.
 */

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export type CrossOriginRefusal = { code: 'CROSS_ORIGIN'; message: string }

/**
 * Null when the request may change state: a safe method, no cookie (nothing ambient to
 * abuse: the handler answers 401), an `Authorization` header (a page on another origin
 * cannot attach one: that needs a CORS preflight, and this app allows none), or a browser
 * saying `Sec-Fetch-Site: same-origin` or sending an `Origin` of this app. Browsers that send
 * `Sec-Fetch-Site` are trusted on it alone: behind a TLS proxy the request URL says http
 * while the page was https, and the fetch metadata is still right.
 */
export function crossOriginRefusal(
  request: Request,
  publicUrl: string | undefined = process.env.BETTER_AUTH_URL,
): CrossOriginRefusal | null {
  if (safeMethods.has(request.method.toUpperCase())) return null
  const headers = request.headers
  if (!headers.get('cookie')) return null
  if (headers.get('authorization')?.trim()) return null
  return socketOriginRefusal(request, publicUrl)
}

/**
 * The origin rule alone, also for a WebSocket handshake: a GET, but it opens a channel that
 * changes state, and browsers send the cookie with it from any page (and always an Origin).
 */
export function socketOriginRefusal(
  request: Request,
  publicUrl: string | undefined = process.env.BETTER_AUTH_URL,
): CrossOriginRefusal | null {
  const headers = request.headers
  const site = headers.get('sec-fetch-site')
  if (site)
    return site === 'same-origin'
      ? null
      : { code: 'CROSS_ORIGIN', message: `Refused a ${site} request: send it from this app's own pages.` }
  const origin = headers.get('origin')
  if (!origin) return { code: 'CROSS_ORIGIN', message: 'An Origin header is required with a session cookie.' }
  if (appOrigins(request, publicUrl).includes(origin.toLowerCase())) return null
  return { code: 'CROSS_ORIGIN', message: `Refused a request from ${origin.slice(0, 200)}.` }
}

/** The origins the app is served at: the request's own, and the public URL's when set. */
function appOrigins(request: Request, publicUrl: string | undefined): string[] {
  const origins = [new URL(request.url).origin]
  try {
    if (publicUrl) origins.push(new URL(publicUrl).origin)
  } catch {
    // A malformed BETTER_AUTH_URL: better-auth itself reports it at start-up.
  }
  return origins.map((o) => o.toLowerCase())
}

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof httpMethods)[number]

/** The `Allow` header of a route that exports `methods` (Next adds HEAD for GET, and OPTIONS). */
export function allowHeader(methods: readonly HttpMethod[]): string {
  const allowed = new Set<string>([...methods, 'OPTIONS'])
  if (allowed.has('GET')) allowed.add('HEAD')
  return [...allowed].sort().join(', ')
}
