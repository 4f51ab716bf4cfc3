'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
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
export function NextVersionActions({
  number,
  publishChanges,
  discardChanges,
  before,
}: NextVersionActionsProps) {
  const t = useTranslations('Versions')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [outcome, setOutcome] = useState<{ step: 'publish' | 'discard'; state: FormState } | null>(null)
  const run = (step: 'publish' | 'discard') =>
    startTransition(async () => {
      await before()
      const state = await (step === 'publish' ? publishChanges : discardChanges)(number)
      setOutcome({ step, state })
      if (state.status === 'success') router.refresh()
    })
  const refusal = outcome?.state.status === 'success' ? null : outcome?.state
  return (
    <>
      <Button type="button" size="sm" disabled={pending} onClick={() => run('publish')}>
        {t('publishChanges')}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (window.confirm(t('discardConfirm'))) run('discard')
        }}
      >
        {t('discardChanges')}
      </Button>
      <p className="order-last w-full text-xs text-muted-foreground">{t('editingNext')}</p>
      <p role="status" className="order-last w-full text-sm text-success empty:hidden">
        {outcome?.step === 'publish' && outcome.state.status === 'success' ? t('publishedNow') : null}
      </p>
      {refusal ? (
        <div role="alert" className="order-last w-full text-sm text-destructive">
          <p>{refusal.formError}</p>
          {refusal.fieldErrors ? (
            <ul className="list-disc pl-5">
              {[...new Set(Object.values(refusal.fieldErrors))].map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
