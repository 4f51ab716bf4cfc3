'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { newId } from '@/lib/id'
import { actionItemStatuses } from '@/server/postmortems/schemas'
import { ListItem, lists, SelectField, TextField } from './fields'
import type { Person, SectionProps } from './types'

export function ActionItemsEditor({ doc, change, errors, people }: SectionProps & { people: Person[] }) {
  const t = useTranslations('PostmortemEditor')
  const statuses = useTranslations('Enums.action')
  const items = doc.actionItems
  const set = (actionItems: typeof items) => change({ actionItems })
  return (
    <div className="grid gap-3">
      <ol className="grid gap-3" aria-label={t('sectionActions')}>
        {items.map((item, i) => (
          <ListItem
            key={item.id}
            title={t('actionLabel', { n: i + 1 })}
            index={i}
            count={items.length}
            onMove={(from, to) => set(lists.move(items, from, to))}
            onRemove={() => set(lists.remove(items, i))}
          >
            <TextField
              id={`action-${item.id}-title`}
              label={t('actionTitleLabel')}
              value={item.title}
              maxLength={2000}
              error={errors[`actionItems.${i}.title`]}
              onChange={(title) => set(lists.update(items, i, { title }))}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                id={`action-${item.id}-owner`}
                label={t('ownerLabel')}
                value={item.ownerId}
                empty={t('ownerNone')}
                options={people.map((p) => ({ value: p.id, label: p.name }))}
                error={errors[`actionItems.${i}.ownerId`]}
                onChange={(ownerId) => set(lists.update(items, i, { ownerId }))}
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
                    onChange={(e) => set(lists.update(items, i, { dueDate: e.target.value || null }))}
                  />
                )}
              </Field>
              <SelectField
                id={`action-${item.id}-status`}
                label={t('actionStatusLabel')}
                value={item.status}
                options={actionItemStatuses.map((value) => ({ value, label: statuses(value) }))}
                onChange={(status) => set(lists.update(items, i, { status: status ?? 'OPEN' }))}
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
                  onChange={(e) => set(lists.update(items, i, { link: e.target.value.trim() || null }))}
                />
              )}
            </Field>
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() =>
          set([
            ...items,
            { id: newId(), title: '', ownerId: null, dueDate: null, status: 'OPEN', link: null },
          ])
        }
      >
        <Plus aria-hidden />
        {t('addAction')}
      </Button>
    </div>
  )
}
