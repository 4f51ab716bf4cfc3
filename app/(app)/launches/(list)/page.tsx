import { Plus, Rocket } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { LaunchList } from '@/components/launches/launch-list'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { ClientMessages } from '@/i18n/client-messages'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findLaunches } from '@/server/launches/find-launches'
import { findLaunchesInput } from '@/server/launches/schemas'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LaunchesPage'))('title') }
}

export default async function LaunchesPage({ searchParams }: PageProps<'/launches'>) {
  const actor = await requireUser()
  const { page } = findLaunchesInput.parse(await searchParams)
  const [t, launches] = await Promise.all([getTranslations('LaunchesPage'), findLaunches({ actor, page })])
  // Past the last page (an old link, a typed address): there is nothing there.
  if (page > 1 && !launches.items.length) notFound()
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
        actions={launches.items.length ? newButton : null}
      />
      {launches.items.length ? (
        <ClientMessages namespaces={['LaunchesPage', 'LaunchStatus']}>
          <LaunchList launches={launches.items} page={page} nextPage={launches.nextPage} />
        </ClientMessages>
      ) : (
        <Empty icon={Rocket} title={t('emptyTitle')} description={t('emptyDescription')} action={newButton} />
      )}
    </>
  )
}
