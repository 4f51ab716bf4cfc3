'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { isLocale, LOCALE_COOKIE } from '@/i18n/config'
import { signOut } from '@/server/auth/sign-in'

/** Remembers the chosen language for a year; the page re-renders in it. */
export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
}

export async function signOutAction() {
  await signOut()
  redirect('/sign-in')
}
