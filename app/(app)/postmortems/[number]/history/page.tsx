import { History } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { RevisionDiff } from '@/components/postmortems/revision-diff'
import { Button } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { NativeSelect } from '@/components/ui/input'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findRevisions } from '@/server/postmortems/find-revisions'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'

export async function generateMetadata({
  params,
}: PageProps<'/postmortems/[number]/history'>): Promise<Metadata> {
  const t = await getTranslations('HistoryPage')
  return { title: t('title', { number: formatNumber(parsePostmortemNumber((await params).number) ?? 0) }) }
}

export default async function HistoryPage({
  params,
  searchParams,
}: PageProps<'/postmortems/[number]/history'>) {
  const actor = await requireUser()
  const number = parsePostmortemNumber((await params).number)
  if (!number) notFound()
  const [result, t, format, query, { launches }] = await Promise.all([
    findRevisions({ actor, number }),
    getTranslations('HistoryPage'),
    getFormatter(),
    searchParams,
    findTaxonomy({ actor }),
  ])
  if (!result.ok) notFound()
  const { revisions } = result.data
  const pick = (value: unknown, fallback: number | undefined) => {
    const v = Number(value)
    return revisions.find((r) => r.version === v)?.version ?? fallback
  }
  // Default: the latest revision against the one before it.
  const to = pick(query.to, revisions[0]?.version)
  const from = pick(query.from, revisions[1]?.version ?? revisions[0]?.version)
  const fromRevision = revisions.find((r) => r.version === from)
  const toRevision = revisions.find((r) => r.version === to)
  const label = (r: (typeof revisions)[number]) =>
    `${t('version', { version: r.version })} · ${t('by', { name: r.author ?? '—', date: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}`

  return (
    <>
      <PageHeader
        title={t('title', { number: formatNumber(number) })}
        description={
          <>
            <Link href={`/postmortems/${number}`} className="text-primary underline underline-offset-2">
              {result.data.title}
            </Link>
            {' · '}
            {t('description')}
          </>
        }
      />
      {!revisions.length ? (
        <Empty icon={History} title={t('empty')} description={result.data.title} />
      ) : (
        <div className="grid gap-6">
          <ol className="grid gap-1 text-sm">
            {revisions.map((r) => (
              <li key={r.id} className="flex flex-wrap gap-x-2 text-muted-foreground">
                <span className="font-medium text-foreground">{t('version', { version: r.version })}</span>
                <span>
                  {t('by', {
                    name: r.author ?? '—',
                    date: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </span>
              </li>
            ))}
          </ol>
          <form
            method="get"
            className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3"
          >
            {(
              [
                ['from', from],
                ['to', to],
              ] as const
            ).map(([name, value]) => (
              <label key={name} className="grid max-w-full min-w-0 gap-1 text-xs text-muted-foreground">
                {t(name)}
                <NativeSelect
                  name={name}
                  defaultValue={String(value)}
                  className="h-8 text-sm text-foreground"
                >
                  {revisions.map((r) => (
                    <option key={r.id} value={r.version}>
                      {label(r)}
                    </option>
                  ))}
                </NativeSelect>
              </label>
            ))}
            <Button type="submit" variant="secondary" size="sm">
              {t('compare')}
            </Button>
          </form>
          {fromRevision && toRevision ? (
            <RevisionDiff
              from={fromRevision.snapshot.document}
              to={toRevision.snapshot.document}
              launchNames={Object.fromEntries(launches.map((l) => [l.id, l.name]))}
            />
          ) : null}
        </div>
      )}
    </>
  )
}
