import { Plus, Rocket } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { LaunchList } from '@/components/launches/launch-list'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { ClientMessages } from '@/i18n/client-messages'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findLaunches } from '@/server/launches/find-launches'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LaunchesPage'))('title') }
}

export default async function LaunchesPage() {
  const actor = await requireUser()
  const [t, launches] = await Promise.all([getTranslations('LaunchesPage'), findLaunches({ actor })])
  const newButton = hasRole(actor, 'EDITOR') ? (
    <Link href="/launches/new" className={buttonVariants()}>
      <Plus aria-hidden />
      {t('newButton')}
    </Link>
  ) : null
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={launches.length ? newButton : null}
      />
      {launches.length ? (
        <ClientMessages namespaces={['LaunchesPage', 'LaunchStatus']}>
          <LaunchList launches={launches} />
        </ClientMessages>
      ) : (
        <Empty icon={Rocket} title={t('emptyTitle')} description={t('emptyDescription')} action={newButton} />
      )}
    </>
  )
}
