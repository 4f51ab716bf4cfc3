import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ImportWizard } from '@/components/imports/import-wizard'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ImportPage'))('title') }
}

export default async function ImportPage() {
  const actor = await requireUser('EDITOR')
  const [t, taxonomy] = await Promise.all([getTranslations('ImportPage'), findTaxonomy({ actor })])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard factors={taxonomy.factors.filter((f) => !f.archived).map((f) => f.name)} />
    </>
  )
}
