import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { createLaunchAction } from '../actions'
import { NewLaunchForm } from './new-launch-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('NewLaunchPage'))('title') }
}

export default async function NewLaunchPage() {
  const actor = await requireUser('EDITOR')
  const [t, { services, tags }] = await Promise.all([
    getTranslations('NewLaunchPage'),
    findTaxonomy({ actor }),
  ])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card className="max-w-2xl">
        <NewLaunchForm action={createLaunchAction} suggestions={{ services, tags }} />
      </Card>
    </>
  )
}
