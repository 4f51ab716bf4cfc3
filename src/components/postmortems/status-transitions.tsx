'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/form-state'
import { postmortemSteps, type PostmortemStatus } from '@/server/postmortems/postmortem-status'

export type StatusTransitionsProps = {
  number: number
  status: PostmortemStatus
  changeStatus: (number: number, to: string) => Promise<FormState>
  /** Runs before the change (the editor saves what is pending first). */
  before?: () => Promise<void>
}

/** The next steps of draft → in review → published, and why a step was refused. */
export function StatusTransitions({ number, status, changeStatus, before }: StatusTransitionsProps) {
  const t = useTranslations('Workflow')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<FormState | null>(null)
  return (
    <>
      {postmortemSteps(status).map(({ to, label }) => (
        <Button
          key={to}
          type="button"
          size="sm"
          variant={to === 'DRAFT' ? 'secondary' : 'primary'}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await before?.()
              const result = await changeStatus(number, to)
              setError(result.status === 'success' ? null : result)
              if (result.status === 'success') router.refresh()
            })
          }
        >
          {t(label)}
        </Button>
      ))}
      {error ? (
        <div role="alert" className="order-last w-full text-sm text-destructive">
          <p>{error.formError}</p>
          {error.fieldErrors ? (
            <ul className="list-disc pl-5">
              {[...new Set(Object.values(error.fieldErrors))].map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
