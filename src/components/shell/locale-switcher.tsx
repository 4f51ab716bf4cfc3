'use client'

import { Check, ChevronDown, Languages } from 'lucide-react'
import { useLocale } from 'next-intl'
import { useTranslations } from '@/i18n/use-translations'
import { DropdownMenu } from 'radix-ui'
import { useActionError } from '@/components/forms/use-action-error'
import { isLocale, locales } from '@/i18n/config'
import { cn } from '@/lib/cn'
import type { FormState } from '@/lib/form-state'

export type LocaleSwitcherProps = { onChange: (locale: string) => Promise<FormState>; className?: string }

/**
 * A menu button: the language changes only when an item is chosen (Enter, Space or a click),
 * never on a mere arrow key (WCAG 3.2.2). The button stays mounted, and the focus returns to
 * it when the menu closes, so the page re-rendered in the new language keeps the focus there.
 */
export function LocaleSwitcher({ onChange, className }: LocaleSwitcherProps) {
  const t = useTranslations('LocaleSwitcher')
  const current = useLocale()
  const { error, pending, run } = useActionError()
  return (
    <div className={cn('inline-flex flex-wrap items-center gap-2 text-sm', className)}>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-busy={pending || undefined}
          className="inline-flex items-center gap-1.5 rounded-md border border-input bg-card px-2 py-1 text-sm text-foreground hover:bg-muted"
        >
          <Languages className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('label')}: </span>
          <span lang={current}>{t(isLocale(current) ? current : 'en')}</span>
          <ChevronDown className="size-3.5 text-muted-foreground" aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="z-50 min-w-36 rounded-md border border-border bg-card p-1 text-sm shadow-md"
          >
            <DropdownMenu.RadioGroup
              value={current}
              onValueChange={(next) => {
                if (next !== current) run(() => onChange(next))
              }}
            >
              {locales.map((locale) => (
                <DropdownMenu.RadioItem
                  key={locale}
                  value={locale}
                  // Read in its own language by a screen reader ("简体中文" is not English).
                  lang={locale}
                  className="relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-2 pl-7 outline-none data-highlighted:bg-accent data-highlighted:text-accent-foreground"
                >
                  <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
                    <Check className="size-4" aria-hidden />
                  </DropdownMenu.ItemIndicator>
                  {t(locale)}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </div>
  )
}
