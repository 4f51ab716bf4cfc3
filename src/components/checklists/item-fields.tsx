'use client'

import { useTranslations } from '@/i18n/use-translations'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'

export type ItemValues = { text?: string; rationale?: string; category?: string; required?: boolean }

/** The fields of a checklist item: imperative wording, why, category, required. */
export function ItemFields({
  idPrefix,
  defaults = {},
  errors,
  values,
}: {
  idPrefix: string
  defaults?: ItemValues
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const t = useTranslations('ChecklistItem')
  const required = values.text !== undefined ? values.required === 'on' : (defaults.required ?? true)
  return (
    <>
      <Field id={`${idPrefix}-text`} label={t('text')} hint={t('textHint')} error={errors.text}>
        {(aria) => (
          <Input {...aria} name="text" required maxLength={500} defaultValue={values.text ?? defaults.text} />
        )}
      </Field>
      <Field id={`${idPrefix}-rationale`} label={t('rationale')} error={errors.rationale}>
        {(aria) => (
          <Textarea
            {...aria}
            name="rationale"
            rows={2}
            maxLength={4000}
            defaultValue={values.rationale ?? defaults.rationale}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-4">
        <Field id={`${idPrefix}-category`} label={t('category')} error={errors.category} className="w-48">
          {(aria) => (
            <Input
              {...aria}
              name="category"
              maxLength={60}
              placeholder={t('categoryPlaceholder')}
              defaultValue={values.category ?? defaults.category}
            />
          )}
        </Field>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="required" defaultChecked={required} className="size-4" />
          {t('required')}
        </label>
      </div>
    </>
  )
}
