'use client'

import { Languages } from 'lucide-react'
import { useLocale, useTranslations } from 'next-intl'
import { useActionError } from '@/components/forms/use-action-error'
import { locales } from '@/i18n/config'
import { cn } from '@/lib/cn'
import type { FormState } from '@/lib/form-state'

export type LocaleSwitcherProps = { onChange: (locale: string) => Promise<FormState>; className?: string }

export function LocaleSwitcher({ onChange, className }: LocaleSwitcherProps) {
  const t = useTranslations('LocaleSwitcher')
  const current = useLocale()
  const { error, pending, run } = useActionError()
  return (
    <label className={cn('inline-flex items-center gap-2 text-sm text-muted-foreground', className)}>
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t('label')}</span>
      <select
        aria-label={t('label')}
        value={current}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value
          run(() => onChange(next))
        }}
        className="rounded-md border border-input bg-card px-2 py-1 text-sm text-foreground"
      >
        {locales.map((locale) => (
          // Read in its own language by a screen reader ("简体中文" is not English).
          <option key={locale} value={locale} lang={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </label>
  )
}
