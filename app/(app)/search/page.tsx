import { Search } from 'lucide-react'
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EmptySectionPage } from '@/components/shell/section-page'
import { requireUser } from '@/server/auth/current-user'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SearchPage'))('title') }
}

export default async function SearchPage() {
  await requireUser()
  const t = await getTranslations('SearchPage')
  return (
    <EmptySectionPage
      title={t('title')}
      description={t('description')}
      empty={{ icon: Search, title: t('emptyTitle'), description: t('emptyDescription') }}
    />
  )
}
