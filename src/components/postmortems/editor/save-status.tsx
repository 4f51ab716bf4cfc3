'use client'

import { AlertTriangle, Check, CloudOff, CloudUpload, Loader2 } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useRef, useState } from 'react'
import { cn } from '@/lib/cn'
import { useSaveState, type SaveProgress } from './use-shared-document'

/*
 * Syncing is what the state is while someone types, so its icon stands still: a spinning one
 * made the browser draw a frame of the page for each of its turns, under every keystroke.
 */
const icons = {
  connecting: Loader2,
  syncing: CloudUpload,
  saved: Check,
  offline: CloudOff,
  invalid: AlertTriangle,
}

/**
 * Always-visible answer to "is my text safe?". Screen readers hear only what calls for them
 * (going offline, a field to fix, back online and saved), not every pause in typing.
 */
export function SaveStatus({ save }: { save: SaveProgress }) {
  const t = useTranslations('SaveStatus')
  const state = useSaveState(save)
  const Icon = icons[state]
  const [announced, setAnnounced] = useState('')
  const previous = useRef(state)
  useEffect(() => {
    const before = previous.current
    previous.current = state
    if (state === before) return
    const worth = state === 'offline' || state === 'invalid' || (state === 'saved' && before === 'offline')
    // Announcing is a side effect of the state changing, kept in a live region.
    if (worth) setAnnounced(t(state))
  }, [state, t])
  return (
    <>
      <p
        data-save-state={state}
        className={cn(
          'inline-flex items-center gap-1.5 text-sm',
          state === 'saved' || state === 'connecting'
            ? 'text-muted-foreground'
            : state === 'syncing'
              ? 'text-foreground'
              : 'text-destructive',
        )}
      >
        <Icon
          className={cn('size-4 shrink-0', state === 'connecting' && 'motion-safe:animate-spin')}
          aria-hidden
        />
        <span>{t(state)}</span>
      </p>
      <p role={state === 'invalid' ? 'alert' : 'status'} className="sr-only">
        {announced}
      </p>
    </>
  )
}
