import { Plus, Rocket } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findLaunches } from '@/server/launches/find-launches'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LaunchesPage'))('title') }
}

export default async function LaunchesPage() {
  const actor = await requireUser()
  const [t, statuses, format, launches] = await Promise.all([
    getTranslations('LaunchesPage'),
    getTranslations('LaunchStatus'),
    getFormatter(),
    findLaunches({ actor }),
  ])
  const newButton = hasRole(actor, 'EDITOR') ? (
    <Link href="/launches/new" className={buttonVariants()}>
      <Plus aria-hidden />
      {t('newButton')}
    </Link>
  ) : null
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={launches.length ? newButton : null}
      />
      {launches.length ? (
        <ul className="grid gap-2" aria-label={t('title')}>
          {launches.map((launch) => (
            <li key={launch.slug}>
              <Link
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
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Empty icon={Rocket} title={t('emptyTitle')} description={t('emptyDescription')} action={newButton} />
      )}
    </>
  )
}
