import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { createPostmortemAction } from '../actions'
import { NewPostmortemForm } from './new-postmortem-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('NewPostmortemPage'))('title') }
}

export default async function NewPostmortemPage({ searchParams }: PageProps<'/postmortems/new'>) {
  const actor = await requireUser('EDITOR')
  const [t, { launches }, { launch }] = await Promise.all([
    getTranslations('NewPostmortemPage'),
    findTaxonomy({ actor }),
    searchParams,
  ])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card className="max-w-2xl">
        <NewPostmortemForm
          action={createPostmortemAction}
          launches={launches}
          launchId={typeof launch === 'string' ? launch : undefined}
        />
      </Card>
    </>
  )
}
