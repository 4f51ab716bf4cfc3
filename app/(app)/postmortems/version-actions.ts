'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { actionArgs, idArg } from '@/lib/action-args'
import { refused, runAction } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { discardChanges } from '@/server/collab/discard-changes'
import { publishChanges } from '@/server/collab/publish-changes'
import { restoreSnapshot } from '@/server/collab/restore-snapshot'
import { runReviewedStep } from './describe-missing'

const numberArg = z.number().int().positive()

function revalidate(number: number) {
  revalidatePath(`/postmortems/${number}`)
  revalidatePath(`/postmortems/${number}/history`)
  revalidatePath('/postmortems')
}

/** "Publish changes": a refusal names each missing part, as a refused first publication does. */
export async function publishChangesAction(number: number): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg], [number])) return refused()
  const state = await runReviewedStep(() => publishChanges({ actor, number }))
  if (state.status === 'success') revalidate(number)
  return state
}

export async function discardChangesAction(number: number): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg], [number])) return refused()
  const state = await runAction(() => discardChanges({ actor, number }))
  if (state.status === 'success') revalidate(number)
  return state
}

/** "Restore" in History: the shared document reads as that version again (an edit). */
export async function restoreSnapshotAction(number: number, revisionId: string): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([numberArg, idArg], [number, revisionId])) return refused()
  const state = await runAction(() => restoreSnapshot({ actor, number, revisionId }))
  if (state.status === 'success') revalidate(number)
  return state
}
