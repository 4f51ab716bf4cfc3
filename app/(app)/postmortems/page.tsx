import { BookOpen } from 'lucide-react'
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EmptySectionPage } from '@/components/shell/section-page'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/auth/roles'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PostmortemsPage'))('title') }
}

export default async function PostmortemsPage() {
  const user = await requireUser()
  const t = await getTranslations('PostmortemsPage')
  return (
    <EmptySectionPage
      title={t('title')}
      description={t('description')}
      empty={{
        icon: BookOpen,
        title: t('emptyTitle'),
        description: hasRole(user, 'EDITOR') ? t('emptyDescription') : t('emptyViewerDescription'),
      }}
    />
  )
}
