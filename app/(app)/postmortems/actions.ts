'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { StatusChangeResult } from '@/components/postmortems/status-transitions'
import { z } from 'zod'
import { actionArgs } from '@/lib/action-args'
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
  const [t, errors] = await Promise.all([getTranslations('PostmortemEditor'), getTranslations('Errors')])
  if (!actionArgs([z.number().int().positive()], [number]))
    return { status: 'error', message: errors('INVALID_INPUT') }
  if (!parsed.success) return { status: 'error', message: errors('INVALID_STATE') }
  const result = await changePostmortemStatus({ actor, number, to: parsed.data.to })
  if (!result.ok) {
    const fieldErrors = result.error.fields ? await describeMissing(result.error.fields) : undefined
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

const itemLabels = {
  hypotheses: 'hypothesisLabel',
  timeline: 'entryLabel',
  openQuestions: 'questionLabel',
  lessons: 'lessonLabel',
  actionItems: 'actionLabel',
} as const

/** "Action 2: every action item needs exactly one owner": each refusal names its part. */
async function describeMissing(fields: Record<string, string>): Promise<Record<string, string>> {
  const [names, editor, validation] = await Promise.all([
    getTranslations('Fields'),
    getTranslations('PostmortemEditor'),
    getTranslations('Validation'),
  ])
  return Object.fromEntries(
    Object.entries(fields).map(([path, code]) => {
      const [list, index] = path.split('.') as [string, string | undefined]
      const label =
        index !== undefined && list in itemLabels
          ? editor(itemLabels[list as keyof typeof itemLabels], { n: Number(index) + 1 })
          : names(list as never)
      return [path, editor('missingPart', { part: label, problem: validation(code as never) })]
    }),
  )
}

/** The empty dashboard's "Load the demo": seed retro, template learned from it, next launch. */
export async function loadDemoAction() {
  const actor = await requireUser('EDITOR')
  const result = await loadDemo({ actor })
  if (!result.ok) redirect('/postmortems')
  revalidatePath('/', 'layout')
  redirect(`/launches/${result.data.launch}`)
}
