'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { PASSWORD_MAX, PASSWORD_MIN } from '@/server/users/schemas'

export type AccountLinkFormProps = {
  token: string
  /** For password managers: they save the new password under this account. */
  email: string
  action: (prev: FormState, data: FormData) => Promise<FormState>
}

/** The new password behind a one-time link. */
export function AccountLinkForm({ token, email, action }: AccountLinkFormProps) {
  const t = useTranslations('AccountLinkPage')
  const fields = useTranslations('AccountFields')
  const [state, formAction] = useActionState(action, idle)
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        id="link-password"
        label={t('passwordLabel')}
        hint={fields('passwordHint', { min: PASSWORD_MIN })}
        error={state.fieldErrors?.password ?? state.fieldErrors?.token}
      >
        {(aria) => (
          <Input
            {...aria}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            required
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  )
}
