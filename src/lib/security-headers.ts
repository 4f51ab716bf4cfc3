/*
 * The response headers every page and API answer carries (set by proxy.ts; decision 013).
 * Pure functions, without Next, so the policy is tested on its own.
 */

/**
 * One entry of IMAGE_HOSTS as a CSP host source: `images.example.com`, `*.cdn.example.com`,
 * `https://i.example.org`, `files.example.com:8443`. Anything else (paths, quotes, `;`,
 * `*` alone, other schemes) is refused: it would widen or break the policy.
 */
const hostSource =
  /^(https?:\/\/)?(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i

let parsed: { value: string; hosts: string[] } | undefined

/**
 * The image hosts readers' browsers may load from, beside the app itself (IMAGE_HOSTS,
 * separated by commas or spaces). Invalid entries are left out and reported once.
 */
export function imageHosts(value: string | undefined = process.env.IMAGE_HOSTS): string[] {
  const source = value ?? ''
  if (parsed?.value === source) return parsed.hosts
  const entries = source.split(/[\s,]+/).filter(Boolean)
  const hosts = entries.filter((entry) => hostSource.test(entry)).map((entry) => entry.toLowerCase())
  const refused = entries.filter((entry) => !hostSource.test(entry))
  if (refused.length)
    console.warn(
      `IMAGE_HOSTS: left out ${refused.map((e) => JSON.stringify(e)).join(', ')} (not a host name)`,
    )
  parsed = { value: source, hosts }
  return hosts
}

/** A fresh, unguessable nonce for one response's scripts. */
export function createNonce(): string {
  return btoa(crypto.randomUUID())
}

type PolicyOptions = { nonce: string; https: boolean; dev?: boolean; images?: string[] }

/**
 * The page policy. Scripts run only with this response's nonce, and what they load
 * ('strict-dynamic'): Next puts the nonce on its own scripts when it finds it in the
 * request's CSP header. Styles allow 'unsafe-inline': React and Radix write style
 * attributes, which a nonce cannot cover, and CSS cannot run code. Images come from the
 * app, data: URLs and IMAGE_HOSTS only, so a Markdown image elsewhere is never fetched.
 */
export function contentSecurityPolicy({ nonce, https, dev = false, images = imageHosts() }: PolicyOptions) {
  return [
    "default-src 'self'",
    // React's development build reconstructs server stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...images].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a LAN install) this would send every request to an https that is not there.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** API answers are data, never documents: nothing may load or frame them. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'"

/** The headers besides the CSP, for every response. HSTS only over https (browsers ignore it on http). */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'x-frame-options': 'DENY',
    // No includeSubDomains: Hindsight often lives beside other tools on a company domain.
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}

/** True when the browser reached us over https, directly or through a TLS-terminating proxy. */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === 'https:') return true
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https'
}
