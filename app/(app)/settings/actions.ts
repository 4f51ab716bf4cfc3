'use server'

import { revalidatePath } from 'next/cache'
import { getTranslations } from 'next-intl/server'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { getCurrentSessionId, requireUser } from '@/server/auth/current-user'
import { changeOwnName } from '@/server/users/change-own-name'
import { changeOwnPassword } from '@/server/users/change-own-password'
import { changeOwnNameInput, changeOwnPasswordInput } from '@/server/users/schemas'

export async function changeOwnNameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser()
  return guarded(formData, async () => {
    const parsed = changeOwnNameInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await changeOwnName({ actor, input: parsed.data, sessionId: await getCurrentSessionId() })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/', 'layout')
    const t = await getTranslations('SettingsPage')
    return { status: 'success', message: t('nameSaved', { name: result.data.name }) }
  })
}

export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser()
  const omit = ['currentPassword', 'newPassword']
  return guarded(formData, async () => {
    const parsed = changeOwnPasswordInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return { ...(await invalid(parsed.error, formData)), values: {} }
    const result = await changeOwnPassword({
      actor,
      input: parsed.data,
      sessionId: await getCurrentSessionId(),
    })
    const t = await getTranslations('SettingsPage')
    if (!result.ok) {
      const minutes = Math.max(1, Math.ceil(Number(result.error.message) / 60))
      const state = await failed(
        result.error,
        formData,
        result.error.code === 'RATE_LIMITED' ? t('passwordRateLimited', { minutes }) : undefined,
      )
      return { ...state, values: Object.fromEntries(omit.map((k) => [k, ''])) }
    }
    return { status: 'success', message: t('passwordSaved', { count: result.data.sessionsEnded }) }
  })
}
