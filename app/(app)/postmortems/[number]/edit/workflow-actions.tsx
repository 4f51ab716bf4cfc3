'use client'

import { Eye, History } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { useTranslations } from '@/i18n/use-translations'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { StatusTransitions, type StatusTransitionsProps } from '@/components/postmortems/status-transitions'
import { buttonVariants } from '@/components/ui/button'
import { editsNextVersion } from '@/server/postmortems/postmortem-status'
import { NextVersionActions, type NextVersionActionsProps } from './next-version-actions'

export type WorkflowActionsProps = Omit<StatusTransitionsProps, 'before'> &
  Pick<NextVersionActionsProps, 'publishChanges' | 'discardChanges'> & {
    flush: () => Promise<void>
    clean: boolean
  }

/** Status, the next workflow step (after saving what is pending), and links to the read page and history. */
export function WorkflowActions({
  number,
  status,
  flush,
  clean,
  changeStatus,
  publishChanges,
  discardChanges,
}: WorkflowActionsProps) {
  const t = useTranslations('PostmortemEditor')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <StatusBadge status={status} />
      <StatusTransitions number={number} status={status} changeStatus={changeStatus} before={flush} />
      {editsNextVersion(status) ? (
        <NextVersionActions
          number={number}
          publishChanges={publishChanges}
          discardChanges={discardChanges}
          before={flush}
        />
      ) : null}
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
    </div>
  )
}
