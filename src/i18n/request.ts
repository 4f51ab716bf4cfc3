import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './config'

export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocale(chosen)) return chosen
  return localeFromAcceptLanguage((await headers()).get('accept-language'))
}

/** Dates render in the server's zone unless HINDSIGHT_TIME_ZONE says otherwise (same on server and client). */
const timeZone = process.env.HINDSIGHT_TIME_ZONE || Intl.DateTimeFormat().resolvedOptions().timeZone

const catalogs = {
  en: () => import('./messages/en.json'),
  'zh-CN': () => import('./messages/zh-CN.json'),
} satisfies Record<Locale, unknown>

export default getRequestConfig(async () => {
  const locale = await resolveLocale()
  return { locale, messages: (await catalogs[locale]()).default, timeZone }
})
