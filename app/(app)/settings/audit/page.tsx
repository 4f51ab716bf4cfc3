import { Download, ScrollText } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { AuditFilters } from '@/components/audit/audit-filters'
import { AuditTable } from '@/components/audit/audit-table'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { findAuditEvents } from '@/server/audit/find-audit-events'
import { auditFilterInput } from '@/server/audit/schemas'
import { requireUser } from '@/server/auth/current-user'
import { auditRetentionDays } from '@/server/env'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AuditPage'))('title') }
}

export default async function AuditPage({ searchParams }: PageProps<'/settings/audit'>) {
  const actor = await requireUser('ADMIN')
  const params = await searchParams
  const parsed = auditFilterInput.safeParse(params)
  const filter = parsed.success ? parsed.data : {}
  const before = typeof params.before === 'string' ? params.before : undefined
  const [t, result] = await Promise.all([
    getTranslations('AuditPage'),
    findAuditEvents({ actor, filter, before }),
  ])
  if (!result.ok) throw new Error(result.error.code)
  const { events, older } = result.data
  const query = new URLSearchParams(
    Object.entries(filter).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !!entry[1],
    ),
  )
  const exportLink = (format: 'csv' | 'json') => (
    <a
      href={`/api/v1/audit?${new URLSearchParams([...query, ['format', format]])}`}
      className={buttonVariants({ variant: 'secondary', size: 'sm' })}
      download
    >
      <Download aria-hidden />
      {t(`export.${format}`)}
    </a>
  )
  const days = auditRetentionDays()
  return (
    <>
      <PageHeader
        title={t('title')}
        description={days ? t('descriptionRetention', { days }) : t('descriptionForever')}
        actions={
          <div className="flex flex-wrap gap-2">
            {exportLink('csv')}
            {exportLink('json')}
          </div>
        }
      />
      <AuditFilters filter={filter} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-destructive">
          {t('badFilter')}
        </p>
      ) : null}
      {events.length ? (
        <div className="grid gap-4">
          <AuditTable events={events} />
          {older ? (
            <Link
              href={`/settings/audit?${new URLSearchParams([...query, ['before', older]])}`}
              className={buttonVariants({ variant: 'secondary', className: 'justify-self-start' })}
            >
              {t('older')}
            </Link>
          ) : null}
        </div>
      ) : (
        // A filter that matches nothing is not an empty log.
        <Empty
          icon={ScrollText}
          title={query.size ? t('noMatchTitle') : t('emptyTitle')}
          description={query.size ? t('noMatchDescription') : t('emptyDescription')}
        />
      )}
    </>
  )
}
