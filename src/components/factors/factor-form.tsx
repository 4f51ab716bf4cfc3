'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { idle, type FormState } from '@/lib/form-state'

/** A contributing factor's name and description: adds one, or changes one (`factor` given). */
export function FactorForm({
  action,
  factor,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>
  factor?: { id: string; name: string; description: string }
}) {
  const t = useTranslations('FactorsPage')
  const [state, formAction] = useActionState(action, idle)
  const values = state.status === 'success' ? undefined : state.values
  const key = factor?.id ?? 'new'
  return (
    <form
      action={formAction}
      className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] sm:items-start"
      noValidate
    >
      <div className="sm:col-span-3">
        <FormError message={state.formError} />
      </div>
      <Field id={`factor-${key}-name`} label={t('nameLabel')} error={state.fieldErrors?.name}>
        {(aria) => (
          <Input {...aria} name="name" required maxLength={80} defaultValue={values?.name ?? factor?.name} />
        )}
      </Field>
      <Field
        id={`factor-${key}-description`}
        label={t('descriptionLabel')}
        error={state.fieldErrors?.description}
      >
        {(aria) => (
          // Up to 300 characters: a line that grows, where a one-line field cut most of them off.
          <Textarea
            {...aria}
            name="description"
            maxLength={300}
            rows={1}
            className="min-h-9 py-1.5"
            defaultValue={values?.description ?? factor?.description}
          />
        )}
      </Field>
      {/* Level with the fields, below their labels: the description grows downwards. */}
      <div className="flex items-center gap-3 sm:mt-6.5">
        <SubmitButton pendingLabel={t('saving')}>{factor ? t('save') : t('add')}</SubmitButton>
        {state.status === 'success' ? (
          <p role="status" className="text-sm text-success">
            {factor ? t('saved') : t('added')}
          </p>
        ) : null}
      </div>
    </form>
  )
}
