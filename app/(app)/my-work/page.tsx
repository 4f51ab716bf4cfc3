import { ListChecks } from 'lucide-react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findMyWork, MY_WORK_MAX, MY_WORK_SHOWN } from '@/server/checklists/my-work'
import { findCommentWork } from '@/server/comments/find-comment-work'
import { formatNumber } from '@/server/postmortems/schemas'
import { CloseActionItemForm } from '@/components/postmortems/close-action-item-form'
import { ClientMessages } from '@/i18n/client-messages'
import { closeActionItemAction } from '../postmortems/actions'

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
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ClientMessages namespaces={['CloseActionItem']}>
        <div className="grid gap-8">
          <WorkSection
            id="my-checks"
            title={t('checksTitle', { count: work.totals.checks })}
            empty={<Empty icon={ListChecks} title={t('noChecksTitle')} description={t('noChecks')} />}
            more={more('my-checks', work.checks.length, work.totals.checks)}
          >
            {work.checks.map((c) => (
              <WorkItem key={c.id} href={`/launches/${c.launch.slug}#check-${c.id}`} title={c.text}>
                <span>{c.launch.name}</span>
                {c.launch.plannedAt ? <span>{t('planned', { date: day(c.launch.plannedAt) })}</span> : null}
                <Badge tone={c.status === 'FAIL' ? 'danger' : 'neutral'}>{statuses(c.status)}</Badge>
                {c.subChecks.total ? (
                  <span>{t('subChecks', { done: c.subChecks.done, total: c.subChecks.total })}</span>
                ) : null}
              </WorkItem>
            ))}
          </WorkSection>
          {hasRole(actor, 'EDITOR') ? (
            <WorkSection
              id="reviews"
              title={t('reviewsTitle', { count: work.totals.reviews })}
              empty={<p className="text-sm text-muted-foreground">{t('noReviews')}</p>}
              more={more('reviews', work.reviews.length, work.totals.reviews)}
            >
              {work.reviews.map((p) => (
                <WorkItem key={p.number} href={`/postmortems/${p.number}`} title={p.title} lang={p.language}>
                  <span className="font-mono">{formatNumber(p.number)}</span>
                  <span>
                    {t('submitted', {
                      name: p.updatedBy?.name ?? '—',
                      when: format.relativeTime(p.updatedAt),
                    })}
                  </span>
                </WorkItem>
              ))}
            </WorkSection>
          ) : null}
          <WorkSection
            id="mentions"
            title={t('mentionsTitle', { count: comments.totals.mentions })}
            empty={<p className="text-sm text-muted-foreground">{t('noMentions')}</p>}
            more={more('mentions', comments.mentions.length, comments.totals.mentions)}
          >
            {comments.mentions.map((m) => (
              <WorkItem
                key={m.id}
                href={`/postmortems/${m.thread.postmortem.number}#thread-${m.thread.id}`}
                title={m.body}
                lang={m.thread.postmortem.language}
              >
                <span className="font-mono">{formatNumber(m.thread.postmortem.number)}</span>
                <span lang={m.thread.postmortem.language ?? undefined} className="break-words">
                  “{m.thread.quote}”
                </span>
                <span>{t('mentionedBy', { name: m.author?.name ?? '—' })}</span>
                <span>{format.relativeTime(m.createdAt)}</span>
              </WorkItem>
            ))}
          </WorkSection>
          <WorkSection
            id="open-threads"
            title={t('threadsTitle', { count: comments.totals.openThreads })}
            empty={<p className="text-sm text-muted-foreground">{t('noThreads')}</p>}
            more={more('open-threads', comments.openThreads.length, comments.totals.openThreads)}
          >
            {comments.openThreads.map((th) => (
              <WorkItem
                key={th.id}
                href={`/postmortems/${th.postmortem.number}#thread-${th.id}`}
                title={`“${th.quote}”`}
                lang={th.postmortem.language}
              >
                <span className="font-mono">{formatNumber(th.postmortem.number)}</span>
                <span lang={th.postmortem.language ?? undefined} className="break-words">
                  {th.postmortem.title}
                </span>
                <span>{t('threadReplies', { count: th.replies })}</span>
                {th.last ? (
                  <span>
                    {t('lastBy', {
                      name: th.last.author?.name ?? '—',
                      when: format.relativeTime(th.last.createdAt),
                    })}
                  </span>
                ) : null}
              </WorkItem>
            ))}
          </WorkSection>
          <WorkSection
            id="my-actions"
            title={t('actionsTitle', { count: work.totals.actionItems })}
            empty={<p className="text-sm text-muted-foreground">{t('noActions')}</p>}
            more={more('my-actions', work.actionItems.length, work.totals.actionItems)}
          >
            {work.actionItems.map((a) => (
              <WorkItem
                key={a.id}
                href={`/postmortems/${a.postmortem.number}`}
                title={a.title}
                lang={a.language}
                after={
                  canClose ? (
                    <CloseActionItemForm
                      itemId={a.id}
                      title={a.title}
                      evidenceRequired={a.evidenceRequired}
                      action={closeActionItemAction}
                    />
                  ) : null
                }
              >
                <span className="font-mono">{formatNumber(a.postmortem.number)}</span>
                <span lang={a.language ?? undefined} className="break-words">
                  {a.postmortem.title}
                </span>
                {a.dueDate ? (
                  <Badge tone={a.daysOverdue ? 'danger' : 'neutral'}>
                    {a.daysOverdue
                      ? t('overdueDays', { days: a.daysOverdue, date: day(a.dueDate) })
                      : t('due', { date: day(a.dueDate) })}
                  </Badge>
                ) : null}
              </WorkItem>
            ))}
          </WorkSection>
        </div>
      </ClientMessages>
    </>
  )
}

/** One line of work: what it belongs to (small, above) and what to do, linking to it. */
function WorkItem({
  href,
  title,
  lang,
  children,
  after,
}: {
  href: Route
  title: string
  /** The language the title is written in, when it is a postmortem's text. */
  lang?: string | null
  children: ReactNode
  /** Below the link: what can be done right here (close an action item). */
  after?: ReactNode
}) {
  return (
    <li className="grid gap-1">
      <Link
        href={href}
        className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30"
      >
        <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">{children}</span>
        <span lang={lang ?? undefined} className="font-medium break-words">
          {title}
        </span>
      </Link>
      {after ? <div className="px-4">{after}</div> : null}
    </li>
  )
}

function WorkSection({
  id,
  title,
  empty,
  more,
  children,
}: {
  id: string
  title: string
  empty: ReactNode
  /** Below the list, when it shows fewer than there are. */
  more?: ReactNode
  children: ReactNode[]
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="grid scroll-mt-4 gap-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {children.length ? <ul className="grid gap-2">{children}</ul> : empty}
      {more}
    </section>
  )
}
