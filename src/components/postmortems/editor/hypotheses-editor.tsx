'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { newId } from '@/lib/id'
import { hypothesisStatuses } from '@/server/postmortems/schemas'
import { ListItem, lists, MarkdownField, SelectField, TextField } from './fields'
import type { SectionProps } from './types'

const verdictTone = {
  OPEN: '',
  ELIMINATED: 'border-l-4 border-l-muted-foreground/40',
  CONFIRMED: 'border-l-4 border-l-success',
}

export function HypothesesEditor({ doc, change, errors }: SectionProps) {
  const t = useTranslations('PostmortemEditor')
  const verdicts = useTranslations('Enums.hypothesis')
  const items = doc.hypotheses
  const set = (hypotheses: typeof items) => change({ hypotheses })
  return (
    <div className="grid gap-3">
      <div>
        <h3 className="font-medium">{t('hypothesesTitle')}</h3>
        <p className="text-sm text-muted-foreground">{t('hypothesesHint')}</p>
      </div>
      <ol className="grid gap-3" aria-label={t('hypothesesTitle')}>
        {items.map((h, i) => (
          <ListItem
            key={h.id}
            title={t('hypothesisLabel', { n: i + 1 })}
            index={i}
            count={items.length}
            onMove={(from, to) => set(lists.move(items, from, to))}
            onRemove={() =>
              change({
                hypotheses: lists.remove(items, i),
                // Timeline entries that tested it keep their text, not the dangling link.
                timeline: doc.timeline.map((e) =>
                  e.hypothesisId === h.id ? { ...e, hypothesisId: null } : e,
                ),
              })
            }
            className={verdictTone[h.status]}
          >
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <TextField
                id={`hypothesis-${h.id}-statement`}
                label={t('statementLabel')}
                value={h.statement}
                maxLength={2000}
                error={errors[`hypotheses.${i}.statement`]}
                onChange={(statement) => set(lists.update(items, i, { statement }))}
              />
              <SelectField
                id={`hypothesis-${h.id}-status`}
                label={t('verdictLabel')}
                value={h.status}
                options={hypothesisStatuses.map((value) => ({ value, label: verdicts(value) }))}
                onChange={(status) => set(lists.update(items, i, { status: status ?? 'OPEN' }))}
              />
            </div>
            <MarkdownField
              id={`hypothesis-${h.id}-evidence`}
              label={t('evidenceLabel')}
              hint={t('evidenceHint')}
              value={h.evidence}
              rows={2}
              error={errors[`hypotheses.${i}.evidence`]}
              onChange={(evidence) => set(lists.update(items, i, { evidence }))}
            />
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() => set([...items, { id: newId(), statement: '', status: 'OPEN', evidence: '' }])}
      >
        <Plus aria-hidden />
        {t('addHypothesis')}
      </Button>
    </div>
  )
}
