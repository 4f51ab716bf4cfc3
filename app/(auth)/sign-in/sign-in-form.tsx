'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { useFocusError } from '@/components/forms/use-focus-error'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'

export type SignInFormProps = {
  action: (prev: FormState, data: FormData) => Promise<FormState>
  next?: string
}

export function SignInForm({ action, next }: SignInFormProps) {
  const t = useTranslations('SignInPage')
  const fields = useTranslations('AccountFields')
  const [state, formAction] = useActionState(action, idle)
  const errors = state.fieldErrors ?? {}
  const form = useFocusError(state)
  return (
    <form ref={form} action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="sign-in-email" label={fields('emailLabel')} error={errors.email}>
        {(aria) => (
          <Input
            {...aria}
            name="email"
            type="email"
            autoComplete="username"
            maxLength={254}
            required
            defaultValue={state.values?.email}
          />
        )}
      </Field>
      <Field id="sign-in-password" label={fields('passwordLabel')} error={errors.password}>
        {(aria) => (
          <Input
            {...aria}
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={128}
            required
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  )
}
