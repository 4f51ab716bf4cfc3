const FALLBACK = '/postmortems'

/**
 * Where to go after sign-in: a path on this site, else /postmortems. Browsers drop tabs and
 * newlines inside URLs and read `\` as `/`, so `/\t/evil.example` would become
 * `//evil.example`, another site; and a newline in a Location header is a server error. So
 * no control characters or backslashes at all, and the path as the URL parser resolves it
 * (`/.//x` is `//x`) must start with exactly one `/`.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) return FALLBACK
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f-\u009f]/.test(value)) return FALLBACK
  let url: URL
  try {
    url = new URL(value, 'http://hindsight.invalid')
  } catch {
    return FALLBACK
  }
  if (url.origin !== 'http://hindsight.invalid' || !/^\/(?!\/)/.test(url.pathname)) return FALLBACK
  return `${url.pathname}${url.search}${url.hash}`
}
