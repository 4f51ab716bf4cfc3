import { createTranslator, useLocale, useMessages, useTimeZone } from 'next-intl'
import type { useTranslations as useEachTime } from 'next-intl'
import { keptIntlFormatters } from './kept-formats'

/** The translators made for one set of messages (one provider's, in one request), by namespace. */
const made = new WeakMap<object, Map<string, unknown>>()

/**
 * next-intl's `useTranslations`, made once per namespace and set of messages instead of once per
 * component: next-intl makes a translator in every component that asks (about 26 µs each here),
 * and a launch review's twenty cards, with their forms and sub-checks, asked 180 times a request
 * (decision 053). The messages of a request's provider are one object, so its translators are
 * made in its first render and read after; a language change brings other messages. The
 * translator is next-intl's own, with the request's locale and time zone, as the hook's.
 */
function useMadeOnce(namespace?: string): unknown {
  const messages = useMessages()
  const locale = useLocale()
  const timeZone = useTimeZone()
  let byNamespace = made.get(messages)
  if (!byNamespace) made.set(messages, (byNamespace = new Map()))
  const key = namespace ?? ''
  let t = byNamespace.get(key)
  if (!t) {
    // The namespace is checked where the hook is called, typed as next-intl's.
    // Over Intl formatters kept for the process: the provider's messages, and so its translators,
    // are made again in every request (decision 054).
    t = createTranslator({
      locale,
      messages,
      timeZone,
      namespace: namespace as never,
      _formatters: keptIntlFormatters,
    })
    byNamespace.set(key, t)
  }
  return t
}

export const useTranslations = useMadeOnce as typeof useEachTime
