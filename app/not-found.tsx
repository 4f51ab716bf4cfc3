import { FileQuestion } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/states/message-page'

export default async function NotFound() {
  const t = await getTranslations('NotFoundPage')
  return (
    <MessagePage
      icon={FileQuestion}
      title={t('title')}
      description={t('description')}
      linkLabel={t('home')}
    />
  )
}
