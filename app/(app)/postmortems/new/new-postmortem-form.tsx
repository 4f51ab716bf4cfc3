'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input, NativeSelect } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'

export type NewPostmortemFormProps = {
  action: (prev: FormState, data: FormData) => Promise<FormState>
  launches: { id: string; name: string }[]
  launchId?: string
}

export function NewPostmortemForm({ action, launches, launchId }: NewPostmortemFormProps) {
  const t = useTranslations('NewPostmortemPage')
  const [state, formAction] = useActionState(action, idle)
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <Field id="new-title" label={t('titleLabel')} error={state.fieldErrors?.title}>
        {(aria) => (
          <Input
            {...aria}
            name="title"
            required
            maxLength={200}
            autoFocus
            placeholder={t('titlePlaceholder')}
            defaultValue={state.values?.title}
          />
        )}
      </Field>
      <Field id="new-launch" label={t('launchLabel')} error={state.fieldErrors?.launchId}>
        {(aria) => (
          <NativeSelect {...aria} name="launchId" defaultValue={state.values?.launchId ?? launchId ?? ''}>
            <option value="">{t('launchNone')}</option>
            {launches.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <SubmitButton className="w-fit" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  )
}
