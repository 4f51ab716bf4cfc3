'use client'

import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { Badge } from '@/components/ui/badge'
import { Pager } from '@/components/ui/pager'
import type { LaunchListItem } from '@/server/launches/find-launches'

const pageHref = (page: number) => (page > 1 ? `/launches?page=${page}` : '/launches')

/**
 * A page of launches in the list's order, with links to the newer and older pages. A client
 * component given the launches as data: as server-rendered elements, a team's two hundred
 * launches were 146 KB of React payload in 200 rows (decision 037).
 * Each row is a plain link, which the layout's SoftLinks area navigates: no next/link per row
 * (decision 055).
 */
export function LaunchList({
  launches,
  page,
  nextPage,
}: {
  launches: LaunchListItem[]
  page: number
  nextPage: number | null
}) {
  const t = useTranslations('LaunchesPage')
  const statuses = useTranslations('LaunchStatus')
  const format = useFormatter()
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <>
      <ul className="grid gap-2" aria-label={t('title')}>
        {launches.map((launch) => (
          <li key={launch.slug}>
            <a
              href={`/launches/${launch.slug}`}
              className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <Badge tone={launch.status === 'LAUNCHED' ? 'success' : 'accent'}>
                  {statuses(launch.status)}
                </Badge>
                {launch.launchedAt ? (
                  <span>{t('launched', { date: day(launch.launchedAt) })}</span>
                ) : launch.plannedAt ? (
                  <span>{t('planned', { date: day(launch.plannedAt) })}</span>
                ) : null}
                <span className="ml-auto">{t('postmortemCount', { count: launch.postmortems })}</span>
              </div>
              <span className="font-medium break-words">{launch.name}</span>
              {launch.description ? (
                <p className="line-clamp-2 text-sm text-muted-foreground">{launch.description}</p>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      <Pager
        label={t('pages')}
        back={page > 1 ? { href: pageHref(page - 1), label: t('newer') } : null}
        older={nextPage ? { href: pageHref(nextPage), label: t('older') } : null}
      />
    </>
  )
}
