'use client'

import { AlertTriangle, Check, CloudOff, Loader2, Pencil } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { cn } from '@/lib/cn'
import type { SaveState } from './use-autosave'

const icons = {
  saved: Check,
  dirty: Pencil,
  saving: Loader2,
  offline: CloudOff,
  conflict: AlertTriangle,
  invalid: AlertTriangle,
  error: CloudOff,
}

/** Always-visible answer to "is my text safe?". */
export function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const t = useTranslations('SaveStatus')
  const format = useFormatter()
  const Icon = icons[state]
  const text =
    state === 'saved' && savedAt
      ? t('savedAt', { time: format.dateTime(savedAt, { timeStyle: 'short' }) })
      : t(state)
  return (
    <p
      role="status"
      data-state={state}
      className={cn(
        'inline-flex items-center gap-1.5 text-sm',
        state === 'saved'
          ? 'text-muted-foreground'
          : state === 'dirty' || state === 'saving'
            ? 'text-foreground'
            : 'text-destructive',
      )}
    >
      <Icon className={cn('size-4 shrink-0', state === 'saving' && 'animate-spin')} aria-hidden />
      <span>{text}</span>
    </p>
  )
}
