import { ListChecks } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/auth/roles'
import { findMyWork } from '@/server/checklists/my-work'
import { formatNumber } from '@/server/postmortems/schemas'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('MyWorkPage'))('title') }
}

export default async function MyWorkPage() {
  const actor = await requireUser()
  const [t, statuses, format, work] = await Promise.all([
    getTranslations('MyWorkPage'),
    getTranslations('CheckStatus'),
    getFormatter(),
    findMyWork({ actor }),
  ])
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' })
  const row =
    'grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30'
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-8">
        <section aria-labelledby="my-checks" className="grid gap-3">
          <h2 id="my-checks" className="text-lg font-semibold">
            {t('checksTitle', { count: work.checks.length })}
          </h2>
          {work.checks.length ? (
            <ul className="grid gap-2">
              {work.checks.map((c) => (
                <li key={c.id}>
                  <Link href={`/launches/${c.launch.slug}#check-${c.id}`} className={row}>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      <span>{c.launch.name}</span>
                      {c.launch.plannedAt ? (
                        <span>{t('planned', { date: day(c.launch.plannedAt) })}</span>
                      ) : null}
                      <Badge tone={c.status === 'FAIL' ? 'danger' : 'neutral'}>{statuses(c.status)}</Badge>
                      {c.subChecks.total ? (
                        <span>{t('subChecks', { done: c.subChecks.done, total: c.subChecks.total })}</span>
                      ) : null}
                    </span>
                    <span className="font-medium break-words">{c.text}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Empty icon={ListChecks} title={t('noChecksTitle')} description={t('noChecks')} />
          )}
        </section>
        {hasRole(actor, 'EDITOR') ? (
          <section aria-labelledby="reviews" className="grid gap-3">
            <h2 id="reviews" className="text-lg font-semibold">
              {t('reviewsTitle', { count: work.reviews.length })}
            </h2>
            {work.reviews.length ? (
              <ul className="grid gap-2">
                {work.reviews.map((p) => (
                  <li key={p.number}>
                    <Link href={`/postmortems/${p.number}`} className={row}>
                      <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                        <span className="font-mono">{formatNumber(p.number)}</span>
                        <span>
                          {t('submitted', {
                            name: p.updatedBy?.name ?? '—',
                            when: format.relativeTime(p.updatedAt),
                          })}
                        </span>
                      </span>
                      <span className="font-medium break-words">{p.title}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t('noReviews')}</p>
            )}
          </section>
        ) : null}
        <section aria-labelledby="my-actions" className="grid gap-3">
          <h2 id="my-actions" className="text-lg font-semibold">
            {t('actionsTitle', { count: work.actionItems.length })}
          </h2>
          {work.actionItems.length ? (
            <ul className="grid gap-2">
              {work.actionItems.map((a) => (
                <li key={a.id}>
                  <Link href={`/postmortems/${a.postmortem.number}`} className={row}>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      <span className="font-mono">{formatNumber(a.postmortem.number)}</span>
                      <span className="break-words">{a.postmortem.title}</span>
                      {a.dueDate ? (
                        <Badge tone={a.overdue ? 'danger' : 'neutral'}>
                          {a.overdue
                            ? t('overdue', { date: day(a.dueDate) })
                            : t('due', { date: day(a.dueDate) })}
                        </Badge>
                      ) : null}
                    </span>
                    <span className="font-medium break-words">{a.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noActions')}</p>
          )}
        </section>
      </div>
    </>
  )
}
