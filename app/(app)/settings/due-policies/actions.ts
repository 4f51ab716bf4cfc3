'use server'

import { revalidatePath } from 'next/cache'
import { runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { duePoliciesInput } from '@/server/postmortems/schemas'
import { setDuePolicies } from '@/server/postmortems/set-due-policies'

export async function setDuePoliciesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  const state = await runForm(formData, duePoliciesInput, (input) => setDuePolicies({ actor, input }))
  if (state.status === 'success') revalidatePath('/settings/due-policies')
  return state
}
