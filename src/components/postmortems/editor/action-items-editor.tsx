'use client'

import { useTranslations } from '@/i18n/use-translations'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { newId } from '@/lib/id'
import { actionItemStatuses } from '@/server/postmortems/document-values'
import type { ActionItem } from '@/server/postmortems/schemas'
import { SelectField, TextField } from './fields'
import { ListEditor } from './list-editor'
import { section, type Person, type SectionProps } from './types'

export const ActionItemsEditor = section(
  function ActionItemsEditor({
    doc,
    change,
    errors,
    commentOn,
    people,
  }: SectionProps & { people: Person[] }) {
    const t = useTranslations('PostmortemEditor')
    const statuses = useTranslations('Enums.action')
    return (
      <ListEditor<ActionItem>
        onComment={commentOn && ((item) => commentOn('actionItems', item.id))}
        label={t('sectionActions')}
        items={doc.actionItems}
        entryRem={19}
        onChange={(actionItems) => change({ actionItems })}
        addLabel={t('addAction')}
        create={() => ({ id: newId(), title: '', ownerId: null, dueDate: null, status: 'OPEN', link: null })}
        itemTitle={(i) => t('actionLabel', { n: i + 1 })}
        itemSummary={(item) => item.title}
      >
        {(item, i, update) => (
          <>
            <TextField
              id={`action-${item.id}-title`}
              label={t('actionTitleLabel')}
              wrap
              value={item.title}
              maxLength={2000}
              error={errors[`actionItems.${i}.title`]}
              onChange={(title) => update({ title })}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                id={`action-${item.id}-owner`}
                label={t('ownerLabel')}
                value={item.ownerId}
                empty={t('ownerNone')}
                options={people.map((p) => ({ value: p.id, label: p.name }))}
                error={errors[`actionItems.${i}.ownerId`]}
                onChange={(ownerId) => update({ ownerId })}
              />
              <Field
                id={`action-${item.id}-due`}
                label={t('dueLabel')}
                error={errors[`actionItems.${i}.dueDate`]}
              >
                {(aria) => (
                  <Input
                    {...aria}
                    type="date"
                    value={item.dueDate ?? ''}
                    onChange={(e) => update({ dueDate: e.target.value || null })}
                  />
                )}
              </Field>
              <SelectField
                id={`action-${item.id}-status`}
                label={t('actionStatusLabel')}
                value={item.status}
                options={actionItemStatuses.map((value) => ({ value, label: statuses(value) }))}
                error={errors[`actionItems.${i}.status`]}
                onChange={(status) => update({ status: status ?? 'OPEN' })}
              />
            </div>
            <Field
              id={`action-${item.id}-link`}
              label={t('linkLabel')}
              error={errors[`actionItems.${i}.link`]}
            >
              {(aria) => (
                <Input
                  {...aria}
                  type="url"
                  placeholder="https://"
                  value={item.link ?? ''}
                  onChange={(e) => update({ link: e.target.value.trim() || null })}
                />
              )}
            </Field>
          </>
        )}
      </ListEditor>
    )
  },
  ['actionItems'],
)
