import { ListChecks } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findMyWork, MY_WORK_MAX, MY_WORK_SHOWN } from '@/server/checklists/my-work'
import { findCommentWork } from '@/server/comments/find-comment-work'
import { WorkList, type WorkLine } from '@/components/my-work/work-list'
import type { CloseAction } from '@/components/postmortems/close-action-item-form'
import { ClientMessages } from '@/i18n/client-messages'
import { closeActionItemAction } from '../postmortems/actions'
import { workLines } from './work-lines'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('MyWorkPage'))('title') }
}

export default async function MyWorkPage({ searchParams }: PageProps<'/my-work'>) {
  const actor = await requireUser()
  // ?all=1: every item of each list (up to MY_WORK_MAX), not only the most urgent.
  const all = (await searchParams).all === '1'
  const limit = all ? MY_WORK_MAX : MY_WORK_SHOWN
  const [t, statuses, format, work, comments] = await Promise.all([
    getTranslations('MyWorkPage'),
    getTranslations('CheckStatus'),
    getFormatter(),
    findMyWork({ actor, limit }),
    findCommentWork({ actor, limit }),
  ])
  /** Under a list that shows fewer than there are: how many, and the way to the rest. */
  const more = (section: string, shown: number, total: number) =>
    shown < total ? (
      <p className="text-sm text-muted-foreground">
        {t('moreShown', { shown, total })}{' '}
        {all ? null : (
          <Link
            href={`/my-work?all=1#${section}`}
            className="text-primary underline-offset-2 hover:underline"
          >
            {total <= MY_WORK_MAX ? t('showAll', { total }) : t('showMost', { max: MY_WORK_MAX })}
          </Link>
        )}
      </p>
    ) : null
  const canClose = hasRole(actor, 'EDITOR')
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' })
  const lines = workLines({
    work,
    comments,
    t,
    statuses,
    day,
    relative: (date) => format.relativeTime(date),
  })
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['CloseActionItem']}>
        <div className="grid gap-8">
          <WorkSection
            id="my-checks"
            title={t('checksTitle', { count: work.totals.checks })}
            lines={lines.checks}
            empty={<Empty icon={ListChecks} title={t('noChecksTitle')} description={t('noChecks')} />}
            more={more('my-checks', work.checks.length, work.totals.checks)}
          />
          {hasRole(actor, 'EDITOR') ? (
            <WorkSection
              id="reviews"
              title={t('reviewsTitle', { count: work.totals.reviews })}
              lines={lines.reviews}
              empty={<p className="text-sm text-muted-foreground">{t('noReviews')}</p>}
              more={more('reviews', work.reviews.length, work.totals.reviews)}
            />
          ) : null}
          <WorkSection
            id="mentions"
            title={t('mentionsTitle', { count: comments.totals.mentions })}
            lines={lines.mentions}
            empty={<p className="text-sm text-muted-foreground">{t('noMentions')}</p>}
            more={more('mentions', comments.mentions.length, comments.totals.mentions)}
          />
          <WorkSection
            id="open-threads"
            title={t('threadsTitle', { count: comments.totals.openThreads })}
            lines={lines.threads}
            empty={<p className="text-sm text-muted-foreground">{t('noThreads')}</p>}
            more={more('open-threads', comments.openThreads.length, comments.totals.openThreads)}
          />
          <WorkSection
            id="my-actions"
            title={t('actionsTitle', { count: work.totals.actionItems })}
            lines={lines.actions}
            closeAction={canClose ? closeActionItemAction : undefined}
            empty={<p className="text-sm text-muted-foreground">{t('noActions')}</p>}
            more={more('my-actions', work.actionItems.length, work.totals.actionItems)}
          />
        </div>
      </ClientMessages>
    </>
  )
}

function WorkSection({
  id,
  title,
  lines,
  closeAction,
  empty,
  more,
}: {
  id: string
  title: string
  lines: WorkLine[]
  closeAction?: CloseAction
  empty: ReactNode
  /** Below the list, when it shows fewer than there are. */
  more?: ReactNode
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="grid scroll-mt-4 gap-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {lines.length ? <WorkList lines={lines} closeAction={closeAction} /> : empty}
      {more}
    </section>
  )
}
