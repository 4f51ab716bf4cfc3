'use server'

import { revalidatePath } from 'next/cache'
import { getTranslations } from 'next-intl/server'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { createUser } from '@/server/users/create-user'
import { createUserInput, setUserRoleInput, unlockSignInInput } from '@/server/users/schemas'
import { setUserRole } from '@/server/users/set-user-role'
import { unlockSignIn } from '@/server/users/unlock-sign-in'

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = createUserInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createUser({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    const t = await getTranslations('UsersPage')
    return { status: 'success', message: t('created', { name: result.data.name }) }
  })
}

export async function setUserRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = setUserRoleInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await setUserRole({ actor, input: parsed.data })
    const t = await getTranslations('UsersPage')
    if (!result.ok)
      return failed(
        result.error,
        formData,
        result.error.message === 'LAST_ADMIN' ? t('lastAdmin') : undefined,
      )
    revalidatePath('/settings/users')
    const roles = await getTranslations('Roles')
    return {
      status: 'success',
      message: t('roleSaved', { name: String(formData.get('name') ?? ''), role: roles(parsed.data.role) }),
    }
  })
}

export async function unlockSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = unlockSignInInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await unlockSignIn({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    const t = await getTranslations('UsersPage')
    return { status: 'success', message: t('unlocked', { name: result.data.name }) }
  })
}
