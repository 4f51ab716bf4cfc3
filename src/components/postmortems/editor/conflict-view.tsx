'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { canKeepBoth, changedFields, keepBoth, type DocumentField } from '@/server/postmortems/diff-documents'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import type { Conflict } from './use-autosave'

type Choice = 'mine' | 'theirs' | 'both'

function preview(value: unknown, items: (n: number) => string, empty: string): string {
  if (value === null || value === undefined || value === '') return empty
  if (Array.isArray(value)) {
    if (!value.length) return empty
    if (typeof value[0] === 'string') return value.join(', ')
    const texts = value
      .map((item: Record<string, unknown>) => String(item.statement ?? item.title ?? item.text ?? ''))
      .filter(Boolean)
    return `${items(value.length)}: ${texts.join(' · ')}`
  }
  if (typeof value === 'object') return Object.values(value).filter(Boolean).join(' → ')
  return String(value)
}

/**
 * Both versions side by side, field by field, for the fields that differ. Nothing is
 * saved until the person chooses and confirms; the merged document is then saved on top
 * of their version.
 */
export function ConflictView({
  mine,
  theirs,
  onResolve,
}: {
  mine: PostmortemDocument
  theirs: Conflict
  onResolve: (merged: PostmortemDocument) => void
}) {
  const t = useTranslations('Conflict')
  const fieldNames = useTranslations('Fields')
  const fields = changedFields(mine, theirs.document)
  // Three-way default: a field only one side changed takes that side; both changed → both.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const [choices, setChoices] = useState<Partial<Record<DocumentField, Choice>>>(() =>
    Object.fromEntries(
      fields.map((f) => [
        f,
        same(mine[f], theirs.base[f])
          ? 'theirs'
          : same(theirs.document[f], theirs.base[f]) || !canKeepBoth(f)
            ? 'mine'
            : 'both',
      ]),
    ),
  )
  const items = (count: number) => t('items', { count })
  const merge = () => {
    const merged = { ...theirs.document }
    for (const field of fields) {
      const choice = choices[field] ?? 'mine'
      if (choice === 'mine') Object.assign(merged, { [field]: mine[field] })
      if (choice === 'both') Object.assign(merged, { [field]: keepBoth(field, mine, theirs.document) })
    }
    onResolve(merged)
  }
  return (
    <section
      role="alertdialog"
      aria-labelledby="conflict-title"
      className="grid gap-4 rounded-lg border-2 border-warning bg-card p-5 shadow-lg"
    >
      <div className="grid gap-1">
        <h2 id="conflict-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t('description', { name: theirs.updatedBy ?? t('someone') })}
        </p>
      </div>
      <div className="grid gap-3">
        {fields.map((field) => (
          <fieldset key={field} className="grid gap-2 rounded-md border border-border p-3">
            <legend className="px-1 text-sm font-medium">{fieldNames(field)}</legend>
            <div className="grid gap-2 text-sm sm:grid-cols-2">
              <div className="grid gap-1">
                <span className="text-xs font-medium text-muted-foreground">{t('mine')}</span>
                <p
                  className="max-h-40 overflow-auto rounded bg-muted/60 px-2 py-1 whitespace-pre-wrap"
                  data-testid={`mine-${field}`}
                >
                  {preview(mine[field], items, t('empty'))}
                </p>
              </div>
              <div className="grid gap-1">
                <span className="text-xs font-medium text-muted-foreground">{t('theirs')}</span>
                <p
                  className="max-h-40 overflow-auto rounded bg-muted/60 px-2 py-1 whitespace-pre-wrap"
                  data-testid={`theirs-${field}`}
                >
                  {preview(theirs.document[field], items, t('empty'))}
                </p>
              </div>
            </div>
            <div className="flex flex-wrap gap-4 text-sm">
              {(['mine', 'theirs', ...(canKeepBoth(field) ? (['both'] as const) : [])] as const).map(
                (choice) => (
                  <label key={choice} className="inline-flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={`conflict-${field}`}
                      checked={choices[field] === choice}
                      onChange={() => setChoices((c) => ({ ...c, [field]: choice }))}
                    />
                    {t(choice === 'mine' ? 'keepMine' : choice === 'theirs' ? 'keepTheirs' : 'keepBoth')}
                  </label>
                ),
              )}
            </div>
          </fieldset>
        ))}
      </div>
      <Button type="button" className="w-fit" onClick={merge}>
        {t('save')}
      </Button>
    </section>
  )
}
