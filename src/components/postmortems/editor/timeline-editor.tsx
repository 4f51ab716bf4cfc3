'use client'

import { useTranslations } from '@/i18n/use-translations'
import { newId } from '@/lib/id'
import { timelineKinds } from '@/server/postmortems/document-values'
import type { TimelineEntry } from '@/server/postmortems/schemas'
import { DateTimeField, MarkdownField, SelectField } from './fields'
import { ListEditor } from './list-editor'
import { section, type SectionProps } from './types'

export const TimelineEditor = section(
  function TimelineEditor({ doc, change, errors, commentOn }: SectionProps) {
    const t = useTranslations('PostmortemEditor')
    const kinds = useTranslations('Enums.timeline')
    const hypothesisOptions = doc.hypotheses.map((h, i) => ({
      value: h.id,
      // Whole: a menu that cut it ("1. pg_basebackup han…") left two similar suspicions apart by luck.
      label: `${i + 1}. ${h.statement || '…'}`,
    }))
    return (
      <ListEditor<TimelineEntry>
        onComment={commentOn && ((item) => commentOn('timeline', item.id))}
        label={t('timelineTitle')}
        heading={{ title: t('timelineTitle'), hint: t('timelineHint') }}
        items={doc.timeline}
        entryRem={18}
        onChange={(timeline) => change({ timeline })}
        addLabel={t('addEntry')}
        create={() => ({ id: newId(), at: null, kind: 'OBSERVATION', text: '', hypothesisId: null })}
        itemTitle={(i) => t('entryLabel', { n: i + 1 })}
        itemSummary={(entry) => entry.text}
      >
        {(entry, i, update) => {
          // The closed menu is a third of the row wide: the suspicion it tests, whole, below it.
          const tested = hypothesisOptions.find((o) => o.value === entry.hypothesisId)
          return (
            <>
              <div className="grid gap-3 sm:grid-cols-3">
                <SelectField
                  id={`timeline-${entry.id}-kind`}
                  label={t('kindLabel')}
                  value={entry.kind}
                  options={timelineKinds.map((value) => ({ value, label: kinds(value) }))}
                  onChange={(kind) => update({ kind: kind ?? 'OBSERVATION' })}
                />
                <DateTimeField
                  id={`timeline-${entry.id}-at`}
                  label={t('atLabel')}
                  value={entry.at}
                  error={errors[`timeline.${i}.at`]}
                  onChange={(at) => update({ at })}
                />
                <SelectField
                  id={`timeline-${entry.id}-hypothesis`}
                  label={t('testsLabel')}
                  value={entry.hypothesisId}
                  empty={t('noHypothesis')}
                  options={hypothesisOptions}
                  onChange={(hypothesisId) => update({ hypothesisId })}
                />
              </div>
              {tested ? (
                <p className="text-xs text-muted-foreground">
                  {t('testsWhole', { hypothesis: tested.label })}
                </p>
              ) : null}
              <MarkdownField
                id={`timeline-${entry.id}-text`}
                label={t('textLabel')}
                value={entry.text}
                rows={2}
                error={errors[`timeline.${i}.text`]}
                onChange={(text) => update({ text })}
              />
            </>
          )
        }}
      </ListEditor>
    )
  },
  ['timeline', 'hypotheses'],
)
