import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { Card, CardHeader } from '@/components/ui/card'
import { needsSetup } from '@/server/auth/current-user'
import { setupAction } from './actions'
import { SetupForm } from './setup-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SetupPage'))('metaTitle') }
}

export default async function SetupPage() {
  if (!(await needsSetup())) redirect('/sign-in')
  const t = await getTranslations('SetupPage')
  return (
    <Card className="w-full max-w-md">
      <CardHeader
        level={1}
        title={<span className="text-xl">{t('title')}</span>}
        description={t('description')}
      />
      <SetupForm action={setupAction} />
    </Card>
  )
}
