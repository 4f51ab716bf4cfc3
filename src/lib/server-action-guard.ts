/*
 * Next answers two refusals of a server action with a bare 500 (its action handler has a
 * TODO to send 413; no option changes either): a request whose Origin is not this host
 * (its CSRF check) and a body over `experimental.serverActions.bodySizeLimit`. The proxy
 * asks this module first and answers those with a clear 403 / 413 instead, before Next
 * reads the body. It applies exactly Next's rules, so nothing Next would run is refused.
 * Pure functions of the request, tested on their own.
 */

/** next.config.ts `experimental.serverActions.bodySizeLimit` ('1mb'), in bytes. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024

export type ServerActionRefusal = {
  status: 403 | 413
  code: 'CROSS_ORIGIN' | 'PAYLOAD_TOO_LARGE'
  message: string
}

/** A request Next would treat as a server action: a POST with `Next-Action` or a multipart form. */
export function isServerActionRequest(request: Request): boolean {
  if (request.method.toUpperCase() !== 'POST') return false
  if (request.headers.has('next-action')) return true
  return request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data') ?? false
}

/** The host Next compares the Origin with: the first `X-Forwarded-Host`, else `Host`. */
function actionHost(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return forwarded || headers.get('host') || undefined
}

function originHost(origin: string): string | null {
  if (origin === 'null') return 'null'
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

export function serverActionRefusal(
  request: Request,
  bodyLimit: number = SERVER_ACTION_BODY_LIMIT,
): ServerActionRefusal | null {
  if (!isServerActionRequest(request)) return null
  const origin = request.headers.get('origin')
  if (origin) {
    const from = originHost(origin)
    if (from === null || from !== actionHost(request.headers))
      return {
        status: 403,
        code: 'CROSS_ORIGIN',
        message: `Refused a server action from ${origin.slice(0, 200)}: send it from this app's own pages.`,
      }
  }
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > bodyLimit)
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is ${length} bytes; a server action takes at most ${bodyLimit} (${length - bodyLimit} too many).`,
    }
  return null
}
