'use server'

import { revalidatePath } from 'next/cache'
import { actionArgs, boolArg, idArg } from '@/lib/action-args'
import { refused, runAction, runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { addFactor, setFactorArchived, updateFactor } from '@/server/factors/edit-factors'
import { factorInput } from '@/server/factors/schemas'

export async function addFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  const state = await runForm(formData, factorInput, (input) => addFactor({ actor, input }))
  if (state.status === 'success') revalidatePath('/settings/factors')
  return state
}

/** Bound to the factor by the page. */
export async function updateFactorAction(
  id: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  if (!actionArgs([idArg], [id])) return refused()
  const state = await runForm(formData, factorInput, (input) => updateFactor({ actor, id, input }))
  if (state.status === 'success') revalidatePath('/settings/factors')
  return state
}

/** Bound to the factor and its new state by the page. */
export async function setFactorArchivedAction(
  id: string,
  archived: boolean,
  _prev?: FormState,
  _formData?: FormData,
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  if (!actionArgs([idArg, boolArg], [id, archived])) return refused()
  const state = await runAction(() => setFactorArchived({ actor, id, archived }))
  revalidatePath('/settings/factors')
  return state
}
