import { getSessionCookie } from 'better-auth/cookies'
import { NextResponse, type NextRequest } from 'next/server'

/*
 * A cheap first gate: pages of the app without a session cookie go straight to sign-in,
 * remembering where the visitor was going. The real check (session valid, role) is done
 * on the server by requireUser / authorize in every page, action and route handler.
 */
export function proxy(request: NextRequest) {
  // Next answers a path with broken percent-encoding ("/api/v1/postmortems/%E0%A4%A") with a
  // bare 500 before any handler runs; it is the client's error.
  if (!decodable(request.nextUrl.pathname))
    return Response.json({ error: { code: 'BAD_PATH' } }, { status: 400 })
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  if (getSessionCookie(request)) return NextResponse.next()
  const url = new URL('/sign-in', request.url)
  const target = request.nextUrl.pathname + request.nextUrl.search
  if (target !== '/') url.searchParams.set('next', target)
  return NextResponse.redirect(url)
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
  matcher: [
    '/api/:path*',
    '/postmortems/:path*',
    '/search/:path*',
    '/launches/:path*',
    '/checklists/:path*',
    '/my-work/:path*',
    '/settings/:path*',
    '/imports/:path*',
    '/',
  ],
}
