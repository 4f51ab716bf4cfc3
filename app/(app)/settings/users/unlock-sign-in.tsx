'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { idle, type FormState } from '@/lib/form-state'

export type UnlockSignInProps = {
  user: { id: string; name: string; failedSignIns: number }
  action: (prev: FormState, data: FormData) => Promise<FormState>
}

/**
 * A member's failed sign-ins within the hour and a button that lets them sign in again at
 * once; nothing when there are none (stays mounted, so the confirmation outlives the refresh).
 */
export function UnlockSignIn({ user, action }: UnlockSignInProps) {
  const t = useTranslations('UsersPage')
  const [state, formAction, pending] = useActionState(action, idle)
  if (state.status === 'success')
    return (
      <p role="status" className="mt-1 text-xs font-normal text-success">
        {state.message}
      </p>
    )
  if (user.failedSignIns === 0) return null
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-center gap-2 text-xs font-normal">
      <input type="hidden" name="userId" value={user.id} />
      <span className="text-muted-foreground">{t('failedSignIns', { count: user.failedSignIns })}</span>
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        className="h-7 px-2 text-xs"
        disabled={pending}
        aria-label={t('unlockSignInLabel', { name: user.name })}
      >
        {t('unlockSignIn')}
      </Button>
      {state.formError ? (
        <span role="alert" className="text-destructive">
          {state.formError}
        </span>
      ) : null}
    </form>
  )
}
