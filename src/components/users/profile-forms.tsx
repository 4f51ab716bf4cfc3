'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { NewPasswordField } from './account-fields'
import { PASSWORD_MAX } from '@/server/auth/password-limits'

type Action = (prev: FormState, data: FormData) => Promise<FormState>

function Saved({ state }: { state: FormState }) {
  if (state.status !== 'success' || !state.message) return null
  return (
    <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-sm text-success">
      {state.message}
    </p>
  )
}

/** One's own name, as it appears on postmortems, action items and checks. */
export function NameForm({ name, action }: { name: string; action: Action }) {
  const t = useTranslations('SettingsPage')
  const fields = useTranslations('AccountFields')
  const common = useTranslations('Common')
  const [state, formAction] = useActionState(action, idle)
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <FormError message={state.formError} />
      <Saved state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <Field
          id="own-name"
          label={fields('nameLabel')}
          error={state.fieldErrors?.name}
          className="w-72 max-w-full"
        >
          {(aria) => (
            <Input
              {...aria}
              name="name"
              autoComplete="name"
              maxLength={100}
              required
              defaultValue={state.values?.name ?? name}
            />
          )}
        </Field>
        <SubmitButton variant="secondary" pendingLabel={common('loading')}>
          {t('nameSubmit')}
        </SubmitButton>
      </div>
    </form>
  )
}

/** One's own password: the current one, then the new one (the other sessions end). */
export function PasswordForm({ action }: { action: Action }) {
  const t = useTranslations('SettingsPage')
  const common = useTranslations('Common')
  const [state, formAction] = useActionState(action, idle)
  const errors = state.fieldErrors ?? {}
  return (
    // Keyed on the outcome: the inputs empty after every answer, passwords are never sent back.
    <form key={JSON.stringify(state)} action={formAction} className="grid gap-3" noValidate>
      <FormError message={state.formError} />
      <Saved state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="current-password" label={t('currentPasswordLabel')} error={errors.currentPassword}>
          {(aria) => (
            <Input
              {...aria}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              maxLength={PASSWORD_MAX}
              required
            />
          )}
        </Field>
        <NewPasswordField
          id="new-password"
          name="newPassword"
          label={t('newPasswordLabel')}
          error={errors.newPassword}
        />
      </div>
      <SubmitButton className="w-fit" pendingLabel={common('loading')}>
        {t('passwordSubmit')}
      </SubmitButton>
    </form>
  )
}
