'use client'

import { useTranslations } from '@/i18n/use-translations'
import { ItemForm } from '@/components/checklists/item-form'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field } from '@/components/ui/field'
import { NativeSelect } from '@/components/ui/input'

/** Builds a launch's checklist: a snapshot of a template's items, or one ad-hoc check. */
export function AddChecks({
  templates,
  fromTemplate,
  adhoc,
}: {
  templates: { id: string; name: string; items: number }[]
  fromTemplate: FormAction
  adhoc: FormAction
}) {
  const t = useTranslations('LaunchReview')
  return (
    <div className="grid gap-4 rounded-lg border border-dashed px-4 py-3 lg:grid-cols-2">
      <ActionForm action={fromTemplate} className="grid content-start gap-3">
        {({ errors }) => (
          <>
            <h3 className="text-sm font-semibold">{t('fromTemplateTitle')}</h3>
            <Field
              id="add-template"
              label={t('template')}
              hint={t('fromTemplateHint')}
              error={errors.templateId}
            >
              {(aria) => (
                <NativeSelect {...aria} name="templateId" defaultValue="">
                  <option value="" disabled>
                    {t('chooseTemplate')}
                  </option>
                  {templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {t('templateOption', { name: tpl.name, count: tpl.items })}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            <SubmitButton size="sm" className="w-fit" pendingLabel={t('saving')}>
              {t('addFromTemplate')}
            </SubmitButton>
          </>
        )}
      </ActionForm>
      <div className="grid content-start gap-3">
        <h3 className="text-sm font-semibold">{t('adhocTitle')}</h3>
        <ItemForm action={adhoc} idPrefix="adhoc" submitLabel={t('addAdhoc')} resetOnSuccess />
      </div>
    </div>
  )
}
