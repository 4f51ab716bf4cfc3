import { ShieldX } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/states/message-page'

export default async function Forbidden() {
  const t = await getTranslations('ForbiddenPage')
  return (
    <MessagePage icon={ShieldX} title={t('title')} description={t('description')} linkLabel={t('home')} />
  )
}
