'use client'

import { useTranslations } from '@/i18n/use-translations'
import type { FormAction } from '@/components/forms/action-form'
import { Field } from '@/components/ui/field'
import { NativeSelect } from '@/components/ui/input'
import { ItemForm } from './item-form'

/** "Turn into checklist item": the template to add it to, and the wording prefilled from the lesson. */
export function LessonItemForm({
  action,
  templates,
  defaults,
}: {
  action: FormAction
  templates: { id: string; name: string }[]
  defaults: { text: string; rationale: string }
}) {
  const t = useTranslations('LessonItemPage')
  return (
    <ItemForm
      action={action}
      idPrefix="lesson-item"
      defaults={defaults}
      submitLabel={t('submit')}
      before={(errors) => (
        <Field id="lesson-item-template" label={t('template')} error={errors.templateId}>
          {(aria) => (
            <NativeSelect {...aria} name="templateId" defaultValue={templates[0]?.id ?? ''}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
    />
  )
}
