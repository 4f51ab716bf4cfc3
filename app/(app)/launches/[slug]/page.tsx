import { Download, Plus } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Markdown } from '@/components/ui/markdown'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/auth/roles'
import { getLaunch } from '@/server/launches/find-launches'
import { formatNumber } from '@/server/postmortems/schemas'

async function load(params: PageProps<'/launches/[slug]'>['params']) {
  const actor = await requireUser()
  const result = await getLaunch({ actor, slug: decodeURIComponent((await params).slug) })
  if (!result.ok) notFound()
  return { actor, launch: result.data }
}

export async function generateMetadata({ params }: PageProps<'/launches/[slug]'>): Promise<Metadata> {
  return { title: (await load(params)).launch.name }
}

export default async function LaunchPage({ params }: PageProps<'/launches/[slug]'>) {
  const { actor, launch } = await load(params)
  const [t, statuses, enums, format] = await Promise.all([
    getTranslations('LaunchPage'),
    getTranslations('LaunchStatus'),
    getTranslations('Enums'),
    getFormatter(),
  ])
  const day = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' }) : '—'
  return (
    <>
      <header className="mb-6 grid gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{launch.name}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(
            [
              [
                t('status'),
                <Badge key="s" tone="accent">
                  {statuses(launch.status as never)}
                </Badge>,
              ],
              [t('planned'), day(launch.plannedAt)],
              [t('launched'), day(launch.launchedAt)],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex items-center gap-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <nav className="flex flex-wrap gap-1 print:hidden">
          {hasRole(actor, 'EDITOR') ? (
            <Link href={`/postmortems/new?launch=${launch.id}`} className={buttonVariants({ size: 'sm' })}>
              <Plus aria-hidden />
              {t('writePostmortem')}
            </Link>
          ) : null}
          <a
            href={`/api/v1/launches/${launch.slug}/markdown?download=1`}
            className={buttonVariants({ variant: 'ghost', size: 'sm' })}
          >
            <Download aria-hidden />
            {t('exportMarkdown')}
          </a>
          <a
            href={`/api/v1/launches/${launch.slug}?download=1`}
            className={buttonVariants({ variant: 'ghost', size: 'sm' })}
          >
            <Download aria-hidden />
            {t('exportJson')}
          </a>
        </nav>
      </header>
      {launch.description ? <Markdown className="mb-8">{launch.description}</Markdown> : null}
      <section aria-labelledby="launch-postmortems" className="grid gap-3">
        <h2 id="launch-postmortems" className="text-lg font-semibold">
          {t('postmortemsTitle')}
        </h2>
        {launch.postmortems.length ? (
          <ol className="grid gap-2">
            {launch.postmortems.map((pm) => (
              <li key={pm.number}>
                <Link
                  href={`/postmortems/${pm.number}`}
                  className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:bg-accent/30"
                >
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="font-mono">{formatNumber(pm.number)}</span>
                    <StatusBadge status={pm.status} />
                    {pm.severity ? <Badge>{enums(`severity.${pm.severity}` as never)}</Badge> : null}
                  </span>
                  <span className="font-medium break-words">{pm.title}</span>
                  {pm.symptom ? (
                    <span className="line-clamp-2 text-sm text-muted-foreground">{pm.symptom}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">{t('postmortemsEmpty')}</p>
        )}
      </section>
    </>
  )
}
