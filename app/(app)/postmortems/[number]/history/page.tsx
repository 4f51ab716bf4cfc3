import { History } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { RevisionDiff } from '@/components/postmortems/revision-diff'
import { Button } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { NativeSelect } from '@/components/ui/input'
import { PageHeader } from '@/components/ui/page-header'
import { ClientMessages } from '@/i18n/client-messages'
import { requireUser } from '@/server/auth/current-user'
import { findRevisions } from '@/server/postmortems/find-revisions'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { isPublic } from '@/server/postmortems/postmortem-status'
import { formatNumber, parsePostmortemNumber, type PostmortemDocument } from '@/server/postmortems/schemas'
import { hasRole } from '@/server/roles'
import { restoreSnapshotAction } from '../../version-actions'
import { RestoreButton } from './restore-button'

export async function generateMetadata({
  params,
}: PageProps<'/postmortems/[number]/history'>): Promise<Metadata> {
  const t = await getTranslations('HistoryPage')
  return { title: t('title', { number: formatNumber(parsePostmortemNumber((await params).number) ?? 0) }) }
}

/** A version to compare: a kept revision, or the unpublished changes ("pending"). */
type Choice = { key: string; label: string; document: PostmortemDocument }

export default async function HistoryPage({
  params,
  searchParams,
}: PageProps<'/postmortems/[number]/history'>) {
  const actor = await requireUser()
  const number = parsePostmortemNumber((await params).number)
  if (!number) notFound()
  const [result, t, versions, format, query, { launches, factors }] = await Promise.all([
    findRevisions({ actor, number }),
    getTranslations('HistoryPage'),
    getTranslations('Versions'),
    getFormatter(),
    searchParams,
    findTaxonomy({ actor }),
  ])
  if (!result.ok) notFound()
  const { revisions, pending } = result.data
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' })
  const kind = (r: (typeof revisions)[number]) =>
    isPublic(r.snapshot.status) ? t('published') : versions('draftSnapshot')
  const label = (r: (typeof revisions)[number]) =>
    `${t('version', { version: r.version })} · ${kind(r)} · ${t('by', { name: r.author ?? '—', date: when(r.createdAt) })}`
  const choices: Choice[] = [
    ...(pending
      ? [
          {
            key: 'pending',
            label: versions('pending', { name: pending.updatedBy ?? '—', date: when(pending.updatedAt) }),
            document: pending.document,
          },
        ]
      : []),
    ...revisions.map((r) => ({ key: String(r.version), label: label(r), document: r.snapshot.document })),
  ]
  const pick = (value: unknown, fallback: string | undefined) =>
    choices.find((c) => c.key === value)?.key ?? fallback
  // Default: the newest (the unpublished changes, if any) against the one before it.
  const to = pick(query.to, choices[0]?.key)
  const toIndex = choices.findIndex((c) => c.key === to)
  const from = pick(query.from, choices[toIndex + 1]?.key ?? choices[0]?.key)
  const fromChoice = choices.find((c) => c.key === from)
  const toChoice = choices.find((c) => c.key === to)
  const canRestore = hasRole(actor, 'EDITOR')

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
      {!choices.length ? (
        <Empty icon={History} title={t('empty')} description={result.data.title} />
      ) : (
        <div className="grid gap-6">
          <ClientMessages namespaces={['Versions']}>
            <ol className="grid gap-1 text-sm">
              {pending ? (
                <li className="flex flex-wrap gap-x-2 text-muted-foreground">
                  <span className="font-medium text-warning">{choices[0]!.label}</span>
                </li>
              ) : null}
              {revisions.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-x-2 text-muted-foreground">
                  <span className="font-medium text-foreground">{t('version', { version: r.version })}</span>
                  <span>{kind(r)}</span>
                  <span>{t('by', { name: r.author ?? '—', date: when(r.createdAt) })}</span>
                  {canRestore ? (
                    <RestoreButton
                      label={`${versions('restore')} ${t('version', { version: r.version })}`}
                      restore={restoreSnapshotAction.bind(null, number, r.id)}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          </ClientMessages>
          {choices.length < 2 ? (
            <p className="text-sm text-muted-foreground">{versions('onlyOne')}</p>
          ) : (
            <>
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
                    <NativeSelect name={name} defaultValue={value} className="h-8 text-sm text-foreground">
                      {choices.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.label}
                        </option>
                      ))}
                    </NativeSelect>
                  </label>
                ))}
                <Button type="submit" variant="secondary" size="sm">
                  {t('compare')}
                </Button>
              </form>
              {fromChoice && toChoice ? (
                <RevisionDiff
                  from={fromChoice.document}
                  to={toChoice.document}
                  names={Object.fromEntries([...launches, ...factors].map((x) => [x.id, x.name]))}
                />
              ) : null}
            </>
          )}
        </div>
      )}
    </>
  )
}
