'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { actionArgs, boolArg, idArg } from '@/lib/action-args'
import { refused, runAction, runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { createThread } from '@/server/comments/create-thread'
import { replyToThread } from '@/server/comments/reply-to-thread'
import { resolveThread } from '@/server/comments/resolve-thread'
import { commentInput, createThreadInput } from '@/server/comments/schemas'

/*
 * Comment threads from the editor and the read page (decision 024): the same use cases as
 * /api/v1/postmortems/:number/comments. The pages show threads as props, so each change
 * refreshes the postmortem's pages and My work.
 */

const numberArg = z.number().int().positive()

function refresh(state: FormState) {
  if (state.status === 'success') {
    revalidatePath('/postmortems/[number]', 'page')
    revalidatePath('/postmortems/[number]/edit', 'page')
    revalidatePath('/my-work')
  }
  return state
}

export async function createThreadAction(
  number: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg], [number])) return refused()
  return refresh(
    await runForm(formData, createThreadInput, (input) => createThread({ actor, number, input })),
  )
}

export async function replyToThreadAction(
  number: number,
  threadId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg, idArg], [number, threadId])) return refused()
  return refresh(
    await runForm(formData, commentInput, (input) => replyToThread({ actor, number, threadId, input })),
  )
}

export async function resolveThreadAction(
  number: number,
  threadId: string,
  resolved: boolean,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg, idArg, boolArg], [number, threadId, resolved])) return refused()
  return refresh(await runAction(() => resolveThread({ actor, number, threadId, resolved })))
}
