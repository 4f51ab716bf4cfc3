'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { actionArgs, boolArg, idArg } from '@/lib/action-args'
import { refused, runAction, runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { turnLessonIntoItem } from '@/server/checklists/turn-lesson-into-item'
import { itemInput, lessonItemInput, reorderInput, templateInput } from '@/server/checklists/schemas'
import { addItem } from '@/server/checklists/add-item'
import { moveItem } from '@/server/checklists/move-item'
import { reorderItems } from '@/server/checklists/reorder-items'
import { setItemArchived } from '@/server/checklists/set-item-archived'
import { updateItem } from '@/server/checklists/update-item'
import { getOtherSkips } from '@/server/checklists/get-template'
import type { ShownSkip } from '@/server/checklists/template-view'
import { createTemplate } from '@/server/checklists/create-template'
import { setTemplateArchived } from '@/server/checklists/set-template-archived'
import { updateTemplate } from '@/server/checklists/update-template'

const refresh = (templateId?: string) => {
  revalidatePath('/checklists')
  if (templateId) revalidatePath(`/checklists/${templateId}`)
}

export async function createTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  let id = ''
  const state = await runForm(formData, templateInput, async (input) => {
    const result = await createTemplate({ actor, input })
    if (result.ok) id = result.data.id
    return result
  })
  if (state.status !== 'success') return state
  refresh()
  redirect(`/checklists/${id}`)
}

export async function updateTemplateAction(
  id: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg], [id])) return refused()
  const state = await runForm(formData, templateInput, (input) => updateTemplate({ actor, id, input }))
  refresh(id)
  return state
}

/** Bound to the template and the way to go by the page; answers like a form, for its button. */
export async function archiveTemplateAction(
  id: string,
  archived: boolean,
  _prev?: FormState,
  _formData?: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, boolArg], [id, archived])) return refused()
  const state = await runAction(() => setTemplateArchived({ actor, id, archived }))
  refresh(id)
  return state
}

export async function addItemAction(
  templateId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg], [templateId])) return refused()
  const state = await runForm(formData, itemInput, (input) => addItem({ actor, templateId, input }))
  refresh(templateId)
  return state
}

export async function updateItemAction(
  templateId: string,
  itemId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg], [templateId, itemId])) return refused()
  const state = await runForm(formData, itemInput, (input) => updateItem({ actor, itemId, input }))
  refresh(templateId)
  return state
}

export async function moveItemAction(
  templateId: string,
  itemId: string,
  direction: 'up' | 'down',
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg], [templateId, itemId])) return refused()
  const state = await runAction(() =>
    moveItem({ actor, itemId, direction: direction === 'up' ? 'up' : 'down' }),
  )
  refresh(templateId)
  return state
}

export async function reorderItemsAction(templateId: string, ids: string[]): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg], [templateId])) return refused()
  const parsed = reorderInput.safeParse({ ids })
  if (!parsed.success) return refused()
  const state = await runAction(() => reorderItems({ actor, templateId, ids: parsed.data.ids }))
  refresh(templateId)
  return state
}

/** The launches that skipped an item besides those its card shows, or null (refused, or gone). */
export async function otherSkipsAction(templateId: string, itemId: string): Promise<ShownSkip[] | null> {
  const actor = await requireUser()
  if (!actionArgs([idArg, idArg], [templateId, itemId])) return null
  const result = await getOtherSkips({ actor, templateId, itemId })
  return result.ok ? result.data : null
}

export async function archiveItemAction(
  templateId: string,
  itemId: string,
  archived: boolean,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg, boolArg], [templateId, itemId, archived])) return refused()
  const state = await runAction(() => setItemArchived({ actor, itemId, archived }))
  refresh(templateId)
  return state
}

export async function lessonItemAction(
  number: number,
  lessonId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([z.number().int().positive(), idArg], [number, lessonId])) return refused()
  const state = await runForm(formData, lessonItemInput, (input) =>
    turnLessonIntoItem({ actor, number, lessonId, input }),
  )
  if (state.status !== 'success') return state
  refresh(String(formData.get('templateId')))
  revalidatePath(`/postmortems/${number}`)
  redirect(`/postmortems/${number}#read-lessons`)
}
