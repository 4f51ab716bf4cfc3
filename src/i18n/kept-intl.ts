import { _createCache, _createIntlFormatters } from 'next-intl'

/*
 * The Intl formatters (plural rules, number and date formats) that next-intl's translators and
 * formatters build, kept for the process by locale and options (decision 054), as kept-formats.ts
 * keeps the app's own. next-intl keeps them per provider, and a client component's provider is
 * made again in every request: each request built its plural rules and number formats again. A
 * formatter never changes once built, and the options come from the code and the messages, so
 * the cache holds a few entries per locale.
 */
export const keptIntlFormatters = _createIntlFormatters(_createCache())
