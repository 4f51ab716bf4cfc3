'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { StatusChangeResult } from '@/components/postmortems/status-transitions'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { changePostmortemStatus } from '@/server/postmortems/change-status'
import { loadDemo } from '@/server/demo/load-demo'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { changeStatusInput, createPostmortemInput } from '@/server/postmortems/schemas'

export async function createPostmortemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  let number = 0
  const state = await guarded(formData, async () => {
    const parsed = createPostmortemInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createPostmortem({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    number = result.data.number
    return { status: 'success' }
  })
  if (state.status !== 'success') return state
  revalidatePath('/postmortems')
  redirect(`/postmortems/${number}/edit`)
}

export async function changeStatusAction(number: number, to: string): Promise<StatusChangeResult> {
  const actor = await requireUser('EDITOR')
  const parsed = changeStatusInput.safeParse({ to })
  const t = await getTranslations('PostmortemEditor')
  if (!parsed.success) return { status: 'error', message: t('cannotChangeStatus') }
  const result = await changePostmortemStatus({ actor, number, to: parsed.data.to })
  if (!result.ok) {
    const [errors, validation] = await Promise.all([getTranslations('Errors'), getTranslations('Validation')])
    const fieldErrors = result.error.fields
      ? Object.fromEntries(Object.entries(result.error.fields).map(([k, v]) => [k, validation(v as never)]))
      : undefined
    return {
      status: 'error',
      message: fieldErrors ? t('cannotChangeStatus') : errors(result.error.code),
      fieldErrors,
    }
  }
  revalidatePath(`/postmortems/${number}`)
  revalidatePath('/postmortems')
  return { status: 'success' }
}

/** The empty dashboard's "Load the demo": seed retro, template learned from it, next launch. */
export async function loadDemoAction() {
  const actor = await requireUser('EDITOR')
  const result = await loadDemo({ actor })
  if (!result.ok) redirect('/postmortems')
  revalidatePath('/', 'layout')
  redirect(`/launches/${result.data.launch}`)
}
