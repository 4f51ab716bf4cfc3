/*
 * Intl formatters kept for the life of the process, by locale and options. next-intl's
 * `useFormatter` builds its formatters again for every request (their cache lives in the
 * request's provider), and building one costs far more than formatting with it: /insights built
 * eight formatters on every request, 0.75 ms of its CPU, six of them its own date and number
 * formats (decision 052).
 * A formatter never changes once built, so one can serve every request. The options come from
 * the code, not from a request, so the map holds a few entries per locale.
 */
const kept = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function keep<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let format = kept.get(key) as T | undefined
  if (!format) kept.set(key, (format = build()))
  return format
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return keep(`d${locale}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options))
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return keep(`n${locale}${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}
