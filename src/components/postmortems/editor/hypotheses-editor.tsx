'use client'

import { useTranslations } from '@/i18n/use-translations'
import { newId } from '@/lib/id'
import { hypothesisStatuses } from '@/server/postmortems/document-values'
import type { Hypothesis } from '@/server/postmortems/schemas'
import { MarkdownField, SelectField, TextField } from './fields'
import { ListEditor, lists } from './list-editor'
import { section, type SectionProps } from './types'

const verdictTone = {
  OPEN: '',
  ELIMINATED: 'border-l-4 border-l-muted-foreground/40',
  CONFIRMED: 'border-l-4 border-l-success',
}

export const HypothesesEditor = section(
  function HypothesesEditor({ doc, change, errors, commentOn }: SectionProps) {
    const t = useTranslations('PostmortemEditor')
    const verdicts = useTranslations('Enums.hypothesis')
    return (
      <ListEditor<Hypothesis>
        onComment={commentOn && ((item) => commentOn('hypotheses', item.id))}
        label={t('hypothesesTitle')}
        heading={{ title: t('hypothesesTitle'), hint: t('hypothesesHint') }}
        items={doc.hypotheses}
        onChange={(hypotheses) => change({ hypotheses })}
        addLabel={t('addHypothesis')}
        create={() => ({ id: newId(), statement: '', status: 'OPEN', evidence: '' })}
        itemTitle={(i) => t('hypothesisLabel', { n: i + 1 })}
        itemSummary={(h) => h.statement}
        itemClassName={(h) => verdictTone[h.status]}
        entryRem={20}
        onRemove={(i) => {
          const removed = doc.hypotheses[i]?.id
          change({
            hypotheses: lists.remove(doc.hypotheses, i),
            // Timeline entries that tested it keep their text, not a dangling link.
            timeline: doc.timeline.map((e) =>
              e.hypothesisId === removed ? { ...e, hypothesisId: null } : e,
            ),
          })
        }}
      >
        {(h, i, update) => (
          <>
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <TextField
                id={`hypothesis-${h.id}-statement`}
                label={t('statementLabel')}
                wrap
                value={h.statement}
                maxLength={2000}
                error={errors[`hypotheses.${i}.statement`]}
                onChange={(statement) => update({ statement })}
              />
              <SelectField
                id={`hypothesis-${h.id}-status`}
                label={t('verdictLabel')}
                value={h.status}
                options={hypothesisStatuses.map((value) => ({ value, label: verdicts(value) }))}
                onChange={(status) => update({ status: status ?? 'OPEN' })}
              />
            </div>
            <MarkdownField
              id={`hypothesis-${h.id}-evidence`}
              label={t('evidenceLabel')}
              hint={t('evidenceHint')}
              value={h.evidence}
              rows={2}
              error={errors[`hypotheses.${i}.evidence`]}
              onChange={(evidence) => update({ evidence })}
            />
          </>
        )}
      </ListEditor>
    )
  },
  ['hypotheses', 'timeline'],
)
