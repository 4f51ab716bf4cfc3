'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { idle, type FormState } from '@/lib/form-state'
import { memberActions, type MemberStatus } from '@/server/users/member-status'
import { OneTimeLink } from './one-time-link'

type Action = (prev: FormState, data: FormData) => Promise<FormState>

export type MemberActionsProps = {
  user: { id: string; name: string; status: MemberStatus }
  isYou: boolean
  actions: {
    resetLink: Action
    deactivate: Action
    reactivate: Action
    remove: Action
  }
}

/** An admin's buttons for one member: reset link, deactivate or reactivate, remove (confirmed). */
export function MemberActions({ user, isYou, actions }: MemberActionsProps) {
  // One's own password changes in Settings, with the current one.
  const allowed = isYou ? [] : memberActions[user.status]
  if (allowed.length === 0) return null
  return (
    <div className="flex flex-wrap items-start gap-2">
      {allowed.includes('resetLink') ? <ResetLink user={user} action={actions.resetLink} /> : null}
      {allowed.includes('deactivate') ? (
        <MemberButton user={user} action={actions.deactivate} kind="deactivate" />
      ) : null}
      {allowed.includes('reactivate') ? (
        <MemberButton user={user} action={actions.reactivate} kind="reactivate" />
      ) : null}
      {allowed.includes('remove') ? <RemoveMember user={user} action={actions.remove} /> : null}
    </div>
  )
}

function Outcome({ state }: { state: FormState }) {
  if (state.formError)
    return (
      <p role="alert" className="basis-full text-xs text-destructive">
        {state.formError}
      </p>
    )
  if (state.status === 'success' && state.message)
    return (
      <p role="status" className="basis-full text-xs text-success">
        {state.message}
      </p>
    )
  return null
}

function ResetLink({ user, action }: { user: MemberActionsProps['user']; action: Action }) {
  const t = useTranslations('UsersPage')
  const [state, formAction, pending] = useActionState(action, idle)
  const invite = user.status === 'invited'
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="userId" value={user.id} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={t(invite ? 'newInviteLabel' : 'resetPasswordLabel', { name: user.name })}
      >
        {t(invite ? 'newInvite' : 'resetPassword')}
      </Button>
      {state.status === 'success' && state.link && state.message ? (
        <div className="basis-full">
          <OneTimeLink message={state.message} link={state.link} />
        </div>
      ) : (
        <Outcome state={state} />
      )}
    </form>
  )
}

function MemberButton({
  user,
  action,
  kind,
}: {
  user: MemberActionsProps['user']
  action: Action
  kind: 'deactivate' | 'reactivate'
}) {
  const t = useTranslations('UsersPage')
  const [state, formAction, pending] = useActionState(action, idle)
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="userId" value={user.id} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={t(kind === 'deactivate' ? 'deactivateLabel' : 'reactivateLabel', { name: user.name })}
      >
        {t(kind)}
      </Button>
      <Outcome state={state} />
    </form>
  )
}

/** Removal cannot be undone: the first click asks, the second removes. */
function RemoveMember({ user, action }: { user: MemberActionsProps['user']; action: Action }) {
  const t = useTranslations('UsersPage')
  const common = useTranslations('Common')
  const [state, formAction, pending] = useActionState(action, idle)
  const [asking, setAsking] = useState(false)
  if (!asking || state.status === 'success')
    return (
      <>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="text-destructive"
          aria-label={t('removeLabel', { name: user.name })}
          onClick={() => setAsking(true)}
        >
          {t('remove')}
        </Button>
        <Outcome state={state} />
      </>
    )
  return (
    <form
      action={formAction}
      className="grid basis-full gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm font-normal"
    >
      <input type="hidden" name="userId" value={user.id} />
      <p>{t('removeConfirm', { name: user.name })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="destructive" size="sm" disabled={pending}>
          {t('removeConfirmSubmit')}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => setAsking(false)}>
          {common('cancel')}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  )
}
