'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { FormError } from '@/components/ui/field'
import { idle, type FormState } from '@/lib/form-state'
import { NewPasswordField } from './account-fields'

export type AccountLinkFormProps = {
  token: string
  /** For password managers: they save the new password under this account. */
  email: string
  action: (prev: FormState, data: FormData) => Promise<FormState>
}

/** The new password behind a one-time link. */
export function AccountLinkForm({ token, email, action }: AccountLinkFormProps) {
  const t = useTranslations('AccountLinkPage')
  const [state, formAction] = useActionState(action, idle)
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField
        id="link-password"
        name="password"
        label={t('passwordLabel')}
        error={state.fieldErrors?.password ?? state.fieldErrors?.token}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  )
}
