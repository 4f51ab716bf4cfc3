'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { safeNext } from '@/lib/safe-next'
import { signIn } from '@/server/auth/sign-in'
import { signInInput } from '@/server/auth/schemas'

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await guarded(formData, async () => {
    const parsed = signInInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await signIn({ input: parsed.data })
    if (result.ok) return { status: 'success' }
    const t = await getTranslations('SignInPage')
    const message =
      result.error.code === 'RATE_LIMITED'
        ? t('rateLimited', { minutes: Math.max(1, Math.ceil(Number(result.error.message) / 60)) })
        : result.error.message === 'deactivated'
          ? t('deactivated')
          : t('invalidCredentials')
    return failed(result.error, formData, message)
  })
  // Only same-site paths: never another origin after sign-in.
  if (state.status === 'success') redirect(safeNext(formData.get('next')) as '/postmortems')
  return state
}
