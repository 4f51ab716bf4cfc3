'use server'

import { redirect } from 'next/navigation'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { signIn } from '@/server/auth/sign-in'
import { redeemAccountLink } from '@/server/users/account-links'
import { redeemAccountLinkInput } from '@/server/users/schemas'

/** Sets the password behind a one-time link, then signs the person in with it. */
export async function redeemAccountLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await guarded(formData, async () => {
    const parsed = redeemAccountLinkInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return { ...(await invalid(parsed.error, formData)), values: {} }
    const result = await redeemAccountLink({ input: parsed.data })
    if (!result.ok) return { ...(await failed(result.error, formData)), values: {} }
    const signedIn = await signIn({ input: { email: result.data.email, password: parsed.data.password } })
    return signedIn.ok ? { status: 'success' } : { status: 'success', message: 'signIn' }
  })
  if (state.status === 'success') redirect(state.message === 'signIn' ? '/sign-in' : '/postmortems')
  return state
}
