'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { newId } from '@/lib/id'
import { timelineKinds } from '@/server/postmortems/schemas'
import { DateTimeField, ListItem, lists, MarkdownField, SelectField } from './fields'
import type { SectionProps } from './types'

export function TimelineEditor({ doc, change, errors }: SectionProps) {
  const t = useTranslations('PostmortemEditor')
  const kinds = useTranslations('Enums.timeline')
  const items = doc.timeline
  const set = (timeline: typeof items) => change({ timeline })
  const hypothesisOptions = doc.hypotheses.map((h, i) => ({
    value: h.id,
    label: `${i + 1}. ${h.statement.slice(0, 60) || '…'}`,
  }))
  return (
    <div className="grid gap-3">
      <div>
        <h3 className="font-medium">{t('timelineTitle')}</h3>
        <p className="text-sm text-muted-foreground">{t('timelineHint')}</p>
      </div>
      <ol className="grid gap-3" aria-label={t('timelineTitle')}>
        {items.map((entry, i) => (
          <ListItem
            key={entry.id}
            title={t('entryLabel', { n: i + 1 })}
            index={i}
            count={items.length}
            onMove={(from, to) => set(lists.move(items, from, to))}
            onRemove={() => set(lists.remove(items, i))}
          >
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                id={`timeline-${entry.id}-kind`}
                label={t('kindLabel')}
                value={entry.kind}
                options={timelineKinds.map((value) => ({ value, label: kinds(value) }))}
                onChange={(kind) => set(lists.update(items, i, { kind: kind ?? 'OBSERVATION' }))}
              />
              <DateTimeField
                id={`timeline-${entry.id}-at`}
                label={t('atLabel')}
                value={entry.at}
                error={errors[`timeline.${i}.at`]}
                onChange={(at) => set(lists.update(items, i, { at }))}
              />
              <SelectField
                id={`timeline-${entry.id}-hypothesis`}
                label={t('testsLabel')}
                value={entry.hypothesisId}
                empty={t('noHypothesis')}
                options={hypothesisOptions}
                onChange={(hypothesisId) => set(lists.update(items, i, { hypothesisId }))}
              />
            </div>
            <MarkdownField
              id={`timeline-${entry.id}-text`}
              label={t('textLabel')}
              value={entry.text}
              rows={2}
              error={errors[`timeline.${i}.text`]}
              onChange={(text) => set(lists.update(items, i, { text }))}
            />
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() =>
          set([...items, { id: newId(), at: null, kind: 'OBSERVATION', text: '', hypothesisId: null }])
        }
      >
        <Plus aria-hidden />
        {t('addEntry')}
      </Button>
    </div>
  )
}
