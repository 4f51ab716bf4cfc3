'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { isLocale, LOCALE_COOKIE } from '@/i18n/config'
import { refused } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { getCurrentUser } from '@/server/auth/current-user'
import { signOut } from '@/server/auth/sign-in'
import { setEmailLocale } from '@/server/users/set-email-locale'

/**
 * Remembers the chosen language for a year; the page re-renders in it. A signed-in person's
 * e-mail is sent in it from now on.
 */
export async function setLocaleAction(locale: string): Promise<FormState> {
  if (!isLocale(locale)) return refused()
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  const user = await getCurrentUser()
  if (user) await setEmailLocale({ actor: user, locale })
  return { status: 'success' }
}

/** Always ends at the sign-in page (redirect throws), so it has no answer to give. */

export async function signOutAction() {
  await signOut()
  redirect('/sign-in')
}
