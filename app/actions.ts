'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { isLocale, LOCALE_COOKIE } from '@/i18n/config'
import { refused } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { signOut } from '@/server/auth/sign-in'

/** Remembers the chosen language for a year; the page re-renders in it. */
export async function setLocaleAction(locale: string): Promise<FormState> {
  if (!isLocale(locale)) return refused()
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  return { status: 'success' }
}

/** Always ends at the sign-in page (redirect throws), so it has no answer to give. */

export async function signOutAction() {
  await signOut()
  redirect('/sign-in')
}
