'use client'

import { Languages } from 'lucide-react'
import { useLocale, useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { locales } from '@/i18n/config'
import { cn } from '@/lib/cn'

export type LocaleSwitcherProps = { onChange: (locale: string) => Promise<void>; className?: string }

export function LocaleSwitcher({ onChange, className }: LocaleSwitcherProps) {
  const t = useTranslations('LocaleSwitcher')
  const current = useLocale()
  const [pending, startTransition] = useTransition()
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
          startTransition(() => onChange(next))
        }}
        className="rounded-md border border-input bg-card px-2 py-1 text-sm text-foreground"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
    </label>
  )
}
