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
 *
 * Through better-auth's handler with a request of this origin, not `auth.api`: without
 * BETTER_AUTH_URL, better-auth learns its own URL (and so the callback URL it registers
 * with the provider) only from the requests its handler serves.
 */
export async function GET(request: NextRequest) {
  const next = safeNext(request.nextUrl.searchParams.get('next'))
  const back = next === '/postmortems' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next })}`
  if (!ssoConfig()) return NextResponse.redirect(new URL(back, request.url), 303)
  const origin = request.nextUrl.origin
  const started = await auth.handler(
    new Request(`${origin}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        cookie: request.headers.get('cookie') ?? '',
        'user-agent': request.headers.get('user-agent') ?? '',
      },
      body: JSON.stringify({
        provider: SSO_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: back,
        disableRedirect: true,
      }),
    }),
  )
  const body = (await started.json().catch(() => null)) as { url?: unknown } | null
  const target =
    started.ok && typeof body?.url === 'string'
      ? body.url
      : `${back}${back.includes('?') ? '&' : '?'}error=sso_unavailable`
  const redirect = NextResponse.redirect(new URL(target, request.url), 303)
  for (const cookie of started.headers.getSetCookie()) redirect.headers.append('set-cookie', cookie)
  return redirect
}
