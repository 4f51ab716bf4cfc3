'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { actionArgs, boolArg, idArg } from '@/lib/action-args'
import { failed, guarded, refused, runAction, runForm } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import { storedText } from '@/server/stored-text'
import { addAdhocCheck } from '@/server/checklists/add-adhoc-check'
import { addChecksFromTemplate } from '@/server/checklists/add-checks-from-template'
import { addSubChecks } from '@/server/checklists/add-sub-checks'
import { assignOwner } from '@/server/checklists/assign-owner'
import { pullNewerWording } from '@/server/checklists/pull-newer-wording'
import { removeCheck } from '@/server/checklists/remove-check'
import { setCheckStatus } from '@/server/checklists/set-check-status'
import { setSubCheckDone } from '@/server/checklists/set-sub-check-done'
import { checkStatusInput, itemInput, subChecksInput } from '@/server/checklists/schemas'
import { changeLaunchStatus } from '@/server/checklists/change-launch-status'
import { launchStatusInput } from '@/server/checklists/schemas'
import { acceptProposal } from '@/server/checklists/accept-proposal'
import { dismissProposal } from '@/server/checklists/dismiss-proposal'
import { acceptProposalInput, dismissProposalInput } from '@/server/checklists/schemas'
import { setLaunchTaxonomy } from '@/server/launches/set-launch-taxonomy'

/*
 * The launch review's actions. Each is bound to the launch's slug (and a check's id) by
 * the page; every one checks the session and role again through its use case.
 */

const refresh = (slug: string) => {
  revalidatePath(`/launches/${slug}`)
  revalidatePath('/launches')
  revalidatePath('/my-work')
}

async function run(
  ids: string[],
  body: (actor: Awaited<ReturnType<typeof requireUser>>) => Promise<FormState>,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  // The slug and check id a page binds: a client can send anything in their place.
  if (
    !actionArgs(
      ids.map(() => idArg),
      ids,
    )
  )
    return refused()
  const [slug] = ids as [string]
  const state = await body(actor)
  if (state.status === 'success') refresh(slug)
  return state
}

export async function addTemplateChecksAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    runForm(formData, z.object({ templateId: storedText().min(1, 'required').max(60) }), ({ templateId }) =>
      addChecksFromTemplate({ actor, slug, templateId }),
    ),
  )
}

export async function addAdhocCheckAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    runForm(formData, itemInput, (input) => addAdhocCheck({ actor, slug, input })),
  )
}

export async function assignOwnerAction(
  slug: string,
  checkId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug, checkId], (actor) =>
    runForm(formData, z.object({ ownerId: storedText().min(1, 'required').max(60) }), ({ ownerId }) =>
      assignOwner({ actor, checkId, ownerId }),
    ),
  )
}

export async function setCheckStatusAction(
  slug: string,
  checkId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug, checkId], (actor) =>
    runForm(formData, checkStatusInput, (input) => setCheckStatus({ actor, checkId, input })),
  )
}

export async function addSubChecksAction(
  slug: string,
  checkId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug, checkId], (actor) =>
    runForm(formData, subChecksInput, ({ lines }) => addSubChecks({ actor, checkId, lines })),
  )
}

export async function changeLaunchStatusAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    runForm(formData, launchStatusInput, (input) => changeLaunchStatus({ actor, slug, input })),
  )
}

/** Launch proposals (decision 026): accept an item or an incident in one click, or dismiss one. */
export async function acceptProposalAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    runForm(formData, acceptProposalInput, (input) => acceptProposal({ actor, slug, input })),
  )
}

export async function dismissProposalAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    runForm(formData, dismissProposalInput, (input) => dismissProposal({ actor, slug, input })),
  )
}

/** The services and tags the launch touches: they decide which past lessons it is proposed. */
export async function setLaunchTaxonomyAction(
  slug: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return run([slug], (actor) =>
    guarded(formData, async () => {
      const input = { services: formData.getAll('services'), tags: formData.getAll('tags') }
      const result = await setLaunchTaxonomy({ actor, slug, input })
      return result.ok ? { status: 'success' } : failed(result.error, formData)
    }),
  )
}

/** Small actions called straight from buttons and checkboxes; they answer like a form. */
export async function toggleSubCheckAction(
  slug: string,
  subCheckId: string,
  done: boolean,
): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg, boolArg], [slug, subCheckId, done])) return refused()
  const state = await runAction(() => setSubCheckDone({ actor, subCheckId, done }))
  refresh(slug)
  return state
}

export async function pullNewerWordingAction(slug: string, checkId: string): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg], [slug, checkId])) return refused()
  const state = await runAction(() => pullNewerWording({ actor, checkId }))
  refresh(slug)
  return state
}

export async function removeCheckAction(slug: string, checkId: string): Promise<FormState> {
  const actor = await requireUser('EDITOR')
  if (!actionArgs([idArg, idArg], [slug, checkId])) return refused()
  const state = await runAction(() => removeCheck({ actor, checkId }))
  refresh(slug)
  return state
}
