import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ImportWizard } from '@/components/imports/import-wizard'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findFactors } from '@/server/factors/find-factors'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ImportPage'))('title') }
}

export default async function ImportPage() {
  const actor = await requireUser('EDITOR')
  const [t, factors] = await Promise.all([getTranslations('ImportPage'), findFactors({ actor })])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard factors={factors.filter((f) => !f.archived).map((f) => f.name)} />
    </>
  )
}
