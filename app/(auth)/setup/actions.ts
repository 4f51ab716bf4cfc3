'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { signIn } from '@/server/auth/sign-in'
import { createFirstAdmin } from '@/server/users/create-first-admin'
import { createAccountInput } from '@/server/users/schemas'

export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await guarded(formData, async () => {
    const parsed = createAccountInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const created = await createFirstAdmin({ input: parsed.data })
    if (!created.ok) return failed(created.error, formData, (await getTranslations('Errors'))('setupDone'))
    await signIn({ input: { email: parsed.data.email, password: parsed.data.password } })
    return { status: 'success' }
  })
  if (state.status === 'success') redirect('/postmortems')
  return state
}
