import { getSessionCookie } from 'better-auth/cookies'
import { NextResponse, type NextRequest } from 'next/server'

/*
 * A cheap first gate: pages of the app without a session cookie go straight to sign-in,
 * remembering where the visitor was going. The real check (session valid, role) is done
 * on the server by requireUser / authorize in every page, action and route handler.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next()
  const url = new URL('/sign-in', request.url)
  const target = request.nextUrl.pathname + request.nextUrl.search
  if (target !== '/') url.searchParams.set('next', target)
  return NextResponse.redirect(url)
}

export const config = {
  matcher: [
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
