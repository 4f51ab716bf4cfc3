'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { getFormatter, getTranslations } from 'next-intl/server'
import { failed, guarded, invalid } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import { requireUser } from '@/server/auth/current-user'
import type { Actor } from '@/server/roles'
import type { Result } from '@/server/result'
import { accountLinkPath } from '@/server/users/account-link-rules'
import { createResetLink } from '@/server/users/create-reset-link'
import { deactivateUser } from '@/server/users/deactivate-user'
import { inviteUser, type IssuedLink } from '@/server/users/invite-user'
import { reactivateUser } from '@/server/users/reactivate-user'
import { removeUser } from '@/server/users/remove-user'
import { inviteUserInput, memberInput, setUserRoleInput, unlockSignInInput } from '@/server/users/schemas'
import { setUserRole } from '@/server/users/set-user-role'
import { unlockSignIn } from '@/server/users/unlock-sign-in'

/** The address people open: BETTER_AUTH_URL when set, else the origin this admin used. */
async function linkFor(issued: IssuedLink) {
  const origin = process.env.BETTER_AUTH_URL ?? (await headers()).get('origin') ?? ''
  return `${origin.replace(/\/$/, '')}${accountLinkPath(issued.kind, issued.token)}`
}

async function linkMessage(issued: IssuedLink) {
  const [t, format] = await Promise.all([getTranslations('UsersPage'), getFormatter()])
  const expires = format.dateTime(issued.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })
  return t(issued.kind === 'INVITE' ? 'linkInvite' : 'linkReset', { name: issued.name, expires })
}

export async function inviteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = inviteUserInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await inviteUser({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    return { status: 'success', message: await linkMessage(result.data), link: await linkFor(result.data) }
  })
}

export async function createResetLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = memberInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await createResetLink({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    return { status: 'success', message: await linkMessage(result.data), link: await linkFor(result.data) }
  })
}

type MemberUseCase = (args: { actor: Actor; input: { userId: string } }) => Promise<Result<{ name: string }>>

/** Deactivate, reactivate, remove: one member by id, a sentence naming them. */
async function memberAction(
  formData: FormData,
  run: MemberUseCase,
  done: 'deactivated' | 'reactivated' | 'removed',
): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = memberInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await run({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    const t = await getTranslations('UsersPage')
    return { status: 'success', message: t(done, { name: result.data.name }) }
  })
}

export async function deactivateUserAction(_prev: FormState, formData: FormData) {
  return memberAction(formData, deactivateUser, 'deactivated')
}

export async function reactivateUserAction(_prev: FormState, formData: FormData) {
  return memberAction(formData, reactivateUser, 'reactivated')
}

export async function removeUserAction(_prev: FormState, formData: FormData) {
  return memberAction(formData, removeUser, 'removed')
}

export async function setUserRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = setUserRoleInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await setUserRole({ actor, input: parsed.data })
    const t = await getTranslations('UsersPage')
    if (!result.ok)
      return failed(
        result.error,
        formData,
        result.error.message === 'LAST_ADMIN' ? t('lastAdmin') : undefined,
      )
    revalidatePath('/settings/users')
    const roles = await getTranslations('Roles')
    return {
      status: 'success',
      message: t('roleSaved', { name: String(formData.get('name') ?? ''), role: roles(parsed.data.role) }),
    }
  })
}

export async function unlockSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser('ADMIN')
  return guarded(formData, async () => {
    const parsed = unlockSignInInput.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await unlockSignIn({ actor, input: parsed.data })
    if (!result.ok) return failed(result.error, formData)
    revalidatePath('/settings/users')
    const t = await getTranslations('UsersPage')
    return { status: 'success', message: t('unlocked', { name: result.data.name }) }
  })
}
