import { NextResponse, type NextRequest } from 'next/server'
import { safeNext } from '@/lib/safe-next'
import { auth } from '@/server/auth/auth'
import { ssoConfig } from '@/server/auth/sso'
import { SSO_PROVIDER_ID } from '@/server/auth/sso-config'

/*
 * GET /sign-in/sso - starts single sign-on: better-auth sets its state cookie and names the
 * provider's authorization URL, which this redirects to. A link, not a form: a form post
 * answered by a redirect to another origin is checked against the CSP's `form-action 'self'`
 * (decision 015), and starting a sign-in changes nothing an attacker could use.
 */
export async function GET(request: NextRequest) {
  const next = safeNext(request.nextUrl.searchParams.get('next'))
  if (!ssoConfig()) return NextResponse.redirect(new URL('/sign-in', request.url))
  const back = next === '/postmortems' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next })}`
  const { headers, response } = await auth.api.signInSocial({
    body: { provider: SSO_PROVIDER_ID, callbackURL: next, errorCallbackURL: back, disableRedirect: true },
    headers: request.headers,
    returnHeaders: true,
  })
  const redirect = NextResponse.redirect(response.url ?? new URL(back, request.url), 303)
  for (const cookie of headers.getSetCookie()) redirect.headers.append('set-cookie', cookie)
  return redirect
}
