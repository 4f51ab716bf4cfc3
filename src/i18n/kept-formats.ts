import { _createCache, _createIntlFormatters } from 'next-intl'

/*
 * Intl formatters kept for the life of the process, by locale and options. Building one costs far
 * more than formatting with it (/insights built eight on every request, 0.75 ms of its CPU:
 * decision 052), and next-intl keeps the ones its translators and formatters build per provider,
 * and a client component's provider is made again in every request (decision 054).
 * A formatter never changes once built, so one can serve every request. The options come from
 * the code and the messages, not from a request, so the cache holds a few entries per locale.
 *
 * `keptIntlFormatters` is next-intl's own memoizing set, given to the translators
 * (use-translations.ts) and the formatter (use-formatter.ts); the app's own formats read the same.
 */
export const keptIntlFormatters = _createIntlFormatters(_createCache())

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return keptIntlFormatters.getDateTimeFormat(locale, options)
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return keptIntlFormatters.getNumberFormat(locale, options)
}
