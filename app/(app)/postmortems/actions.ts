'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { actionArgs, idArg } from '@/lib/action-args'
import { failed, guarded, invalid, refused, runAction, runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { changePostmortemStatus } from '@/server/postmortems/change-status'
import { loadDemo } from '@/server/demo/load-demo'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { closeActionItem } from '@/server/postmortems/close-action-item'
import { runReviewedStep } from './describe-missing'
import { changeStatusInput, closeActionItemInput, createPostmortemInput } from '@/server/postmortems/schemas'

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

/** A refused step answers why in `formError`, and each missing part in `fieldErrors`. */
export async function changeStatusAction(number: number, to: string): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([z.number().int().positive()], [number])) return refused()
  const parsed = changeStatusInput.safeParse({ to })
  if (!parsed.success)
    return { status: 'error', formError: (await getTranslations('Errors'))('INVALID_STATE') }
  const state = await runReviewedStep(() => changePostmortemStatus({ actor, number, to: parsed.data.to }))
  if (state.status === 'success') {
    revalidatePath(`/postmortems/${number}`)
    revalidatePath('/postmortems')
  }
  return state
}

/**
 * The empty dashboard's "Load the demo": seed retro, template learned from it, next launch.
 * A refusal (the demo is already there) is said under the button; success opens the launch.
 */
export async function loadDemoAction(_prev?: FormState, _formData?: FormData): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  let launch = ''
  const state = await runAction(async () => {
    const result = await loadDemo({ actor })
    if (result.ok) launch = result.data.launch
    return result
  })
  if (state.status !== 'success') return state
  revalidatePath('/', 'layout')
  redirect(`/launches/${launch}`)
}

/** Closes an action item (My work, the read page): done with evidence, or won't do with a reason. */
export async function closeActionItemAction(
  id: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg], [id])) return refused()
  const state = await runForm(formData, closeActionItemInput, (input) =>
    closeActionItem({ actor, id, input }),
  )
  if (state.status === 'success') {
    revalidatePath('/my-work')
    revalidatePath('/postmortems/[number]', 'page')
  }
  return state
}
