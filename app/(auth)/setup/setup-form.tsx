'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { useFocusError } from '@/components/forms/use-focus-error'
import { FormError } from '@/components/ui/field'
import { AccountFields } from '@/components/users/account-fields'
import { idle, type FormState } from '@/lib/form-state'

export function SetupForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const t = useTranslations('SetupPage')
  const [state, formAction] = useActionState(action, idle)
  const form = useFocusError(state)
  return (
    <form ref={form} action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <AccountFields state={state} idPrefix="setup" />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  )
}
