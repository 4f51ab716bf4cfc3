'use client'

import { useTranslations } from '@/i18n/use-translations'
import type { ReactNode } from 'react'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { ItemFields, type ItemValues } from './item-fields'

/** Adds or rewords a checklist item (template items and a launch's ad-hoc checks). */
export function ItemForm({
  action,
  idPrefix,
  defaults,
  submitLabel,
  resetOnSuccess = false,
  before,
  'aria-label': ariaLabel,
}: {
  action: FormAction
  idPrefix: string
  defaults?: ItemValues
  submitLabel: string
  resetOnSuccess?: boolean
  /** Extra fields shown first (the template choice when turning a lesson into an item). */
  before?: (errors: Record<string, string>) => ReactNode
  'aria-label'?: string
}) {
  const t = useTranslations('ChecklistItem')
  return (
    <ActionForm action={action} className="grid gap-3" resetOnSuccess={resetOnSuccess} aria-label={ariaLabel}>
      {({ errors, values }) => (
        <>
          {before?.(errors)}
          <ItemFields idPrefix={idPrefix} defaults={defaults} errors={errors} values={values} />
          <SubmitButton className="w-fit" pendingLabel={t('saving')}>
            {submitLabel}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  )
}
