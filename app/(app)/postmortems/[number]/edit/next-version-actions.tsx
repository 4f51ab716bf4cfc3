'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/form-state'

export type NextVersionActionsProps = {
  number: number
  publishChanges: (number: number) => Promise<FormState>
  discardChanges: (number: number) => Promise<FormState>
  /** Saves what is pending first: what is published is what the editor shows. */
  before: () => Promise<void>
}

/**
 * On a published postmortem the editor works on the next version: it says so, and offers
 * "Publish changes" (reviewed as the first publication) and "Discard changes".
 */
export function NextVersionActions({ number, publishChanges, discardChanges, before }: NextVersionActionsProps) {
  const t = useTranslations('Versions')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [outcome, setOutcome] = useState<FormState | null>(null)
  const run = (step: () => Promise<FormState>) =>
    startTransition(async () => {
      await before()
      const result = await step()
      setOutcome(result)
      if (result.status === 'success') router.refresh()
    })
  return (
    <>
      <Button type="button" size="sm" disabled={pending} onClick={() => run(() => publishChanges(number))}>
        {t('publishChanges')}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (window.confirm(t('discardConfirm'))) run(() => discardChanges(number))
        }}
      >
        {t('discardChanges')}
      </Button>
      <p className="order-last w-full text-xs text-muted-foreground">{t('editingNext')}</p>
      {outcome && outcome.status !== 'success' ? (
        <div role="alert" className="order-last w-full text-sm text-destructive">
          <p>{outcome.formError}</p>
          {outcome.fieldErrors ? (
            <ul className="list-disc pl-5">
              {[...new Set(Object.values(outcome.fieldErrors))].map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
