'use client'

import { useTranslations } from '@/i18n/use-translations'

export type FactorOption = { id: string; name: string; description: string; archived: boolean }

/**
 * Contributing factors: a box per factor of the admins' taxonomy. An archived factor is offered
 * only while this postmortem still carries it (so it can be taken off, not added).
 */
export function FactorsField({
  value,
  factors,
  error,
  onChange,
}: {
  value: string[]
  factors: FactorOption[]
  error?: string
  onChange: (value: string[]) => void
}) {
  const t = useTranslations('PostmortemEditor')
  const shown = factors.filter((f) => !f.archived || value.includes(f.id))
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((other) => other !== id))
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? 'pm-factors-error' : 'pm-factors-hint'}>
      <legend className="mb-1 text-sm font-medium">{t('factorsLabel')}</legend>
      <p id="pm-factors-hint" className="text-xs text-muted-foreground">
        {t('factorsHint')}
      </p>
      {shown.length ? (
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
          {shown.map((f) => (
            <label key={f.id} className="flex items-start gap-2 text-sm" title={f.description || undefined}>
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0"
                checked={value.includes(f.id)}
                onChange={(e) => toggle(f.id, e.target.checked)}
              />
              <span className="min-w-0 break-words">
                {f.name}
                {f.archived ? <span className="text-muted-foreground"> · {t('factorArchived')}</span> : null}
              </span>
            </label>
          ))}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t('factorsNone')}</p>
      )}
      {error ? (
        <p id="pm-factors-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
