import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { AccountLinkForm } from '@/components/users/account-link-form'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { ClientMessages } from '@/i18n/client-messages'
import { getAccountLink } from '@/server/users/account-links'
import { accountLinkToken } from '@/server/users/schemas'
import { redeemAccountLinkAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  // No name or e-mail in the title: it ends up in browser history.
  return { title: (await getTranslations('AccountLinkPage'))('resetTitle'), robots: { index: false } }
}

/**
 * A one-time link's page (an invitation or an admin's reset; /invite/<token> shows the same):
 * the form while the link is valid, else why it no longer works. Public: the token is the key.
 */
export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('AccountLinkPage')
  const parsed = accountLinkToken.safeParse(token)
  const link = parsed.success
    ? await getAccountLink({ input: { token: parsed.data } })
    : { status: 'unknown' as const }
  if (link.status !== 'valid')
    return (
      <Card className="w-full max-w-md">
        <CardHeader
          level={1}
          title={<span className="text-xl">{t(`${link.status}Title`)}</span>}
          description={t(`${link.status}Description`)}
        />
        <Button asChild variant="secondary" className="w-fit">
          <Link href="/sign-in">{t('signIn')}</Link>
        </Button>
      </Card>
    )
  const invite = link.kind === 'INVITE'
  return (
    <Card className="w-full max-w-md">
      <CardHeader
        level={1}
        title={<span className="text-xl">{t(invite ? 'inviteTitle' : 'resetTitle')}</span>}
        description={
          invite
            ? t('inviteDescription', { name: link.name, email: link.email })
            : t('resetDescription', { email: link.email })
        }
      />
      <ClientMessages namespaces={['AccountLinkPage', 'AccountFields']}>
        <AccountLinkForm token={token} email={link.email} action={redeemAccountLinkAction} />
      </ClientMessages>
    </Card>
  )
}
