import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ImportWizard } from '@/components/imports/import-wizard'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ImportPage'))('title') }
}

export default async function ImportPage() {
  await requireUser('EDITOR')
  const t = await getTranslations('ImportPage')
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard />
    </>
  )
}
