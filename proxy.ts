import { getSessionCookie } from 'better-auth/cookies'
import { NextResponse, type NextRequest } from 'next/server'
import {
  apiContentSecurityPolicy,
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
  servedOverHttps,
} from '@/lib/security-headers'
import { serverActionRefusal } from '@/lib/server-action-guard'

/** The pages of the app proper: without a session cookie they go straight to sign-in. */
const appSections = [
  '/postmortems',
  '/search',
  '/launches',
  '/checklists',
  '/my-work',
  '/settings',
  '/imports',
]

/*
 * Every request but static files passes here. It sets the security headers (a fresh CSP
 * nonce per page: Next reads it from the request's CSP header and puts it on its scripts;
 * decision 013) and is a cheap first gate: pages of the app without a session cookie go
 * straight to sign-in, remembering where the visitor was going. The real check (session
 * valid, role) is done on the server by requireUser / authorize in every page, action and
 * route handler.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.nextUrl, request.headers.get('x-forwarded-proto'))
  const { pathname } = request.nextUrl
  const api = pathname === '/api' || pathname.startsWith('/api/')
  const nonce = createNonce()
  const csp = api
    ? apiContentSecurityPolicy
    : contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === 'development' })
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value)
    response.headers.set('content-security-policy', csp)
    return response
  }

  // Next answers a path with broken percent-encoding ("/api/v1/postmortems/%E0%A4%A") with a
  // bare 500 before any handler runs; it is the client's error.
  if (!decodable(pathname)) return secured(Response.json({ error: { code: 'BAD_PATH' } }, { status: 400 }))
  // A server action from another origin, or over the body limit: Next would answer 500.
  const refusal = api ? null : serverActionRefusal(request)
  if (refusal)
    return secured(
      Response.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status }),
    )
  if (!api && needsSession(pathname) && !getSessionCookie(request)) {
    const url = new URL('/sign-in', request.url)
    const target = pathname + request.nextUrl.search
    if (target !== '/') url.searchParams.set('next', target)
    return secured(NextResponse.redirect(url))
  }
  const requestHeaders = new Headers(request.headers)
  if (!api) requestHeaders.set('content-security-policy', csp)
  return secured(NextResponse.next({ request: { headers: requestHeaders } }))
}

function needsSession(pathname: string) {
  return pathname === '/' || appSections.some((s) => pathname === s || pathname.startsWith(`${s}/`))
}

function decodable(pathname: string) {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

export const config = {
  // Everything but the build's static files: every page needs its CSP nonce.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
