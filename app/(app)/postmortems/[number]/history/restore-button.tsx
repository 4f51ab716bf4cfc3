'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/form-state'

/** "Restore" a kept version: the shared document reads as it again (an edit live editors see). */
export function RestoreButton({
  label,
  restore,
}: {
  /** What is restored, for screen readers ("Restore Version 3"). */
  label: string
  restore: () => Promise<FormState>
}) {
  const t = useTranslations('Versions')
  const [pending, startTransition] = useTransition()
  const [outcome, setOutcome] = useState<FormState | null>(null)
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="h-6 px-2"
        aria-label={label}
        disabled={pending}
        onClick={() => startTransition(async () => setOutcome(await restore()))}
      >
        {t('restore')}
      </Button>
      <span role="status" className={outcome?.status === 'success' ? 'text-success' : 'text-destructive'}>
        {outcome ? (outcome.status === 'success' ? t('restored') : outcome.formError) : null}
      </span>
    </span>
  )
}
