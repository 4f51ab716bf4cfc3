'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { createLaunch } from '@/server/launches/create-launch'
import { createLaunchInput } from '@/server/launches/schemas'

export async function createLaunchAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  let slug = ''
  const state = await guarded(formData, async () => {
    const parsed = createLaunchInput.safeParse({
      ...Object.fromEntries(formData),
      services: formData.getAll('services'),
      tags: formData.getAll('tags'),
    })
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createLaunch({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    slug = result.data.slug
    return { status: 'success' }
  })
  if (state.status !== 'success') return state
  revalidatePath('/launches')
  redirect(`/launches/${slug}`)
}
