import type { Metadata } from 'next'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findDuePolicies } from '@/server/postmortems/find-due-policies'
import { setDuePoliciesAction } from './actions'
import { DuePoliciesForm } from './due-policies-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('DuePoliciesPage'))('title') }
}

export default async function DuePoliciesPage() {
  const actor = await requireUser('ADMIN')
  const [t, format, policies] = await Promise.all([
    getTranslations('DuePoliciesPage'),
    getFormatter(),
    findDuePolicies({ actor }),
  ])
  const last = policies
    .filter((p) => p.updatedAt)
    .sort((a, b) => b.updatedAt!.getTime() - a.updatedAt!.getTime())[0]
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <DuePoliciesForm
          policies={policies.map(({ severity, dueDays, evidenceRequired }) => ({
            severity,
            dueDays,
            evidenceRequired,
          }))}
          action={setDuePoliciesAction}
        />
        <p className="mt-4 text-xs text-muted-foreground">
          {last
            ? t('lastChanged', {
                name: last.updatedBy ?? '—',
                when: format.dateTime(last.updatedAt!, { dateStyle: 'medium', timeStyle: 'short' }),
              })
            : t('defaults')}
        </p>
      </Card>
    </>
  )
}
