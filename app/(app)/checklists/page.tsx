import { ClipboardCheck } from 'lucide-react'
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EmptySectionPage } from '@/components/shell/section-page'
import { requireUser } from '@/server/auth/current-user'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ChecklistsPage'))('title') }
}

export default async function ChecklistsPage() {
  await requireUser()
  const t = await getTranslations('ChecklistsPage')
  return (
    <EmptySectionPage
      title={t('title')}
      description={t('description')}
      empty={{ icon: ClipboardCheck, title: t('emptyTitle'), description: t('emptyDescription') }}
    />
  )
}
