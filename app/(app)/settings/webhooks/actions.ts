'use server'

import { revalidatePath } from 'next/cache'
import { actionArgs, boolArg, idArg } from '@/lib/action-args'
import { failed, guarded, invalid, refused, runAction } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { webhookEndpointInput } from '@/server/notifications/schemas'
import {
  createWebhookEndpoint,
  removeWebhookEndpoint,
  setWebhookEnabled,
} from '@/server/notifications/webhook-endpoints'

export async function createWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = webhookEndpointInput.safeParse({
      ...Object.fromEntries(formData),
      events: formData.getAll('events'),
    })
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createWebhookEndpoint({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/webhooks')
    return { status: 'success' }
  })
}

/** Bound to the endpoint and the new state by the page. */
export async function setWebhookEnabledAction(
  id: string,
  enabled: boolean,
  _prev?: FormState,
  _formData?: FormData,
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  if (!actionArgs([idArg, boolArg], [id, enabled])) return refused()
  const state = await runAction(() => setWebhookEnabled({ actor, id, enabled }))
  revalidatePath('/settings/webhooks')
  return state
}

export async function removeWebhookAction(
  id: string,
  _prev?: FormState,
  _formData?: FormData,
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  if (!actionArgs([idArg], [id])) return refused()
  const state = await runAction(() => removeWebhookEndpoint({ actor, id }))
  revalidatePath('/settings/webhooks')
  return state
}
