import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { FormError } from '@/components/ui/field'
import { safeNext } from '@/lib/safe-next'
import { getCurrentUser, needsSetup } from '@/server/auth/current-user'
import { ssoConfig } from '@/server/auth/sso'
import { ssoErrorMessageKey } from '@/server/auth/sso-config'
import { signInAction } from './actions'
import { SignInForm } from './sign-in-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignInPage'))('metaTitle') }
}

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  if (await getCurrentUser()) redirect('/postmortems')
  if (await needsSetup()) redirect('/setup')
  const { next, error } = await searchParams
  const t = await getTranslations('SignInPage')
  const target = typeof next === 'string' ? safeNext(next) : undefined
  const sso = ssoConfig()
  const passwords = sso?.passwordSignIn ?? true
  // Single sign-on comes back here with ?error=… (better-auth's errorCallbackURL).
  const ssoError = sso && typeof error === 'string' ? t(ssoErrorMessageKey(error)) : undefined
  return (
    <Card className="w-full max-w-md">
      <CardHeader
        level={1}
        title={<span className="text-xl">{t('title')}</span>}
        description={passwords ? t('description') : t('ssoDescription')}
      />
      {sso ? (
        <div className="mb-4 grid gap-4">
          <FormError message={ssoError} />
          <Button asChild variant={passwords ? 'secondary' : 'primary'}>
            <a href={target ? `/sign-in/sso?${new URLSearchParams({ next: target })}` : '/sign-in/sso'}>
              {t('ssoButton', { provider: sso.providerName })}
            </a>
          </Button>
          {passwords ? <p className="text-center text-sm text-muted-foreground">{t('orPassword')}</p> : null}
        </div>
      ) : null}
      {passwords ? <SignInForm action={signInAction} next={target} /> : null}
    </Card>
  )
}
