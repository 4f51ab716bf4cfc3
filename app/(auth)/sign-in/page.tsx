import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { Card, CardHeader } from '@/components/ui/card'
import { safeNext } from '@/lib/safe-next'
import { getCurrentUser, needsSetup } from '@/server/auth/current-user'
import { signInAction } from './actions'
import { SignInForm } from './sign-in-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignInPage'))('metaTitle') }
}

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  if (await getCurrentUser()) redirect('/postmortems')
  if (await needsSetup()) redirect('/setup')
  const { next } = await searchParams
  const t = await getTranslations('SignInPage')
  return (
    <Card className="w-full max-w-md">
      <CardHeader title={<span className="text-xl">{t('title')}</span>} description={t('description')} />
      <SignInForm action={signInAction} next={typeof next === 'string' ? safeNext(next) : undefined} />
    </Card>
  )
}
