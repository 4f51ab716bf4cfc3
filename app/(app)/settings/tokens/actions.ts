'use server'

import { revalidatePath } from 'next/cache'
import { actionArgs, idArg } from '@/lib/action-args'
import { failed, guarded, invalid, refused, runAction } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { createApiToken, revokeApiToken } from '@/server/auth/api-tokens'
import { apiTokenInput } from '@/server/auth/schemas'
import { requireUser } from '@/server/auth/current-user'

/** Creates a token; the plain token is in `message`, shown once. */
export async function createTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = apiTokenInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createApiToken({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/tokens')
    return { status: 'success', message: result.data.token }
  })
}

/** Bound to the token by the page; answers like a form, for its button. */
export async function revokeTokenAction(
  id: string,
  _prev?: FormState,
  _formData?: FormData,
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  if (!actionArgs([idArg], [id])) return refused()
  const state = await runAction(() => revokeApiToken({ actor, id }))
  revalidatePath('/settings/tokens')
  return state
}
