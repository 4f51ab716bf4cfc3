'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { LaunchTaxonomyFields } from '@/components/launches/launch-taxonomy-form'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { idle, type FormState } from '@/lib/form-state'

export function NewLaunchForm({
  action,
  suggestions,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>
  /** Services and tags that exist. */
  suggestions: { services: string[]; tags: string[] }
}) {
  const t = useTranslations('NewLaunchPage')
  const [state, formAction] = useActionState(action, idle)
  const errors = state.fieldErrors ?? {}
  const values = state.values ?? {}
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <Field id="launch-name" label={t('nameLabel')} error={errors.name}>
        {(aria) => (
          <Input
            {...aria}
            name="name"
            required
            maxLength={120}
            autoFocus
            placeholder={t('namePlaceholder')}
            defaultValue={values.name}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="launch-planned" label={t('plannedAtLabel')} error={errors.plannedAt}>
          {(aria) => <Input {...aria} name="plannedAt" type="date" defaultValue={values.plannedAt} />}
        </Field>
        <Field id="launch-launched" label={t('launchedAtLabel')} error={errors.launchedAt}>
          {(aria) => <Input {...aria} name="launchedAt" type="date" defaultValue={values.launchedAt} />}
        </Field>
      </div>
      <Field id="launch-description" label={t('descriptionLabel')} error={errors.description}>
        {(aria) => (
          <Textarea
            {...aria}
            name="description"
            rows={4}
            maxLength={20_000}
            defaultValue={values.description}
          />
        )}
      </Field>
      <LaunchTaxonomyFields value={{ services: [], tags: [] }} suggestions={suggestions} errors={errors} />
      <SubmitButton className="w-fit" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  )
}
