'use client'

import { useTranslations } from '@/i18n/use-translations'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'

export function TemplateForm({
  action,
  defaults = {},
  submitLabel,
}: {
  action: FormAction
  defaults?: { name?: string; description?: string }
  submitLabel: string
}) {
  const t = useTranslations('ChecklistTemplate')
  return (
    <ActionForm action={action} className="grid gap-3">
      {({ errors, values }) => (
        <>
          <Field id="template-name" label={t('name')} error={errors.name}>
            {(aria) => (
              <Input
                {...aria}
                name="name"
                required
                maxLength={120}
                placeholder={t('namePlaceholder')}
                defaultValue={values.name ?? defaults.name}
              />
            )}
          </Field>
          <Field id="template-description" label={t('description')} error={errors.description}>
            {(aria) => (
              <Textarea
                {...aria}
                name="description"
                rows={2}
                maxLength={2000}
                defaultValue={values.description ?? defaults.description}
              />
            )}
          </Field>
          <SubmitButton className="w-fit" pendingLabel={t('saving')}>
            {submitLabel}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  )
}
