'use client'

import { Eye, History } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { Button, buttonVariants } from '@/components/ui/button'
import type { PostmortemStatus } from '@/server/postmortems/schemas'
import type { StatusChangeState } from '../../actions'

const next: Record<
  PostmortemStatus,
  { to: PostmortemStatus; label: 'submitForReview' | 'backToDraft' | 'publish' }[]
> = {
  DRAFT: [{ to: 'IN_REVIEW', label: 'submitForReview' }],
  IN_REVIEW: [
    { to: 'DRAFT', label: 'backToDraft' },
    { to: 'PUBLISHED', label: 'publish' },
  ],
  PUBLISHED: [],
}

export type WorkflowActionsProps = {
  number: number
  status: PostmortemStatus
  flush: () => Promise<void>
  clean: boolean
  changeStatus: (number: number, to: string) => Promise<StatusChangeState>
}

/** Status, the next workflow step, and links to the read page and history. */
export function WorkflowActions({ number, status, flush, clean, changeStatus }: WorkflowActionsProps) {
  const t = useTranslations('PostmortemEditor')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<StatusChangeState | null>(null)
  return (
    <div className="flex flex-wrap items-center gap-2">
      <StatusBadge status={status} />
      {next[status].map(({ to, label }) => (
        <Button
          key={to}
          type="button"
          size="sm"
          variant={to === 'DRAFT' ? 'secondary' : 'primary'}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await flush()
              const result = await changeStatus(number, to)
              setError(result.status === 'error' ? result : null)
              if (result.status === 'success') router.refresh()
            })
          }
        >
          {t(label)}
        </Button>
      ))}
      <Link
        href={`/postmortems/${number}`}
        className={buttonVariants({ variant: 'ghost', size: 'sm' })}
        aria-disabled={!clean}
      >
        <Eye aria-hidden />
        {t('view')}
      </Link>
      <Link
        href={`/postmortems/${number}/history`}
        className={buttonVariants({ variant: 'ghost', size: 'sm' })}
      >
        <History aria-hidden />
        {t('history')}
      </Link>
      {error ? (
        <div role="alert" className="w-full text-sm text-destructive">
          <p>{error.message}</p>
          {error.fieldErrors ? (
            <ul className="list-disc pl-5">
              {[...new Set(Object.values(error.fieldErrors))].map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
