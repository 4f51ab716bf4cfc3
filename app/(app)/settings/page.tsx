import {
  CalendarClock,
  ChevronRight,
  KeyRound,
  ScrollText,
  Shapes,
  Users,
  Webhook,
  type LucideIcon,
} from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { LocaleSwitcher } from '@/components/shell/locale-switcher'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { NameForm, PasswordForm } from '@/components/users/profile-forms'
import { ClientMessages } from '@/i18n/client-messages'
import { setLocaleAction } from '../../actions'
import { changeOwnNameAction, changeOwnPasswordAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SettingsPage'))('title') }
}

export default async function SettingsPage() {
  const user = await requireUser()
  const [t, fields, roles] = await Promise.all([
    getTranslations('SettingsPage'),
    getTranslations('AccountFields'),
    getTranslations('Roles'),
  ])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6">
        <Card>
          <CardHeader title={t('profileTitle')} />
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">{fields('emailLabel')}</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="text-muted-foreground">{t('roleLabel')}</dt>
            <dd>
              <Badge tone="accent">{roles(user.role)}</Badge>
            </dd>
          </dl>
          <ClientMessages namespaces={['SettingsPage', 'AccountFields']}>
            <div className="mt-6 grid gap-6 border-t border-border pt-5">
              <section className="grid gap-2">
                <h3 className="text-sm font-semibold">{t('nameTitle')}</h3>
                <p className="text-sm text-muted-foreground">{t('nameDescription')}</p>
                <NameForm name={user.name} action={changeOwnNameAction} />
              </section>
              <section className="grid gap-2">
                <h3 className="text-sm font-semibold">{t('passwordTitle')}</h3>
                <p className="text-sm text-muted-foreground">{t('passwordDescription')}</p>
                <PasswordForm action={changeOwnPasswordAction} />
              </section>
            </div>
          </ClientMessages>
        </Card>
        <Card>
          <CardHeader title={t('languageTitle')} description={t('languageDescription')} />
          <LocaleSwitcher onChange={setLocaleAction} />
        </Card>
        {hasRole(user, 'ADMIN') ? (
          <Card>
            <CardHeader title={t('adminTitle')} />
            <div className="grid gap-2">
              <SettingsLink href="/settings/users" icon={Users} label={t('manageUsers')} />
              <SettingsLink href="/settings/tokens" icon={KeyRound} label={t('manageTokens')} />
              <SettingsLink href="/settings/audit" icon={ScrollText} label={t('manageAudit')} />
              <SettingsLink
                href="/settings/due-policies"
                icon={CalendarClock}
                label={t('manageDuePolicies')}
              />
              <SettingsLink href="/settings/factors" icon={Shapes} label={t('manageFactors')} />
              <SettingsLink href="/settings/webhooks" icon={Webhook} label={t('manageWebhooks')} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  )
}

function SettingsLink({ href, icon: Icon, label }: { href: string; icon: LucideIcon; label: string }) {
  return (
    <Link
      href={href}
      className="flex items-center justify-between rounded-md border border-border px-4 py-3 text-sm font-medium hover:bg-muted"
    >
      <span className="inline-flex items-center gap-2">
        <Icon className="size-4" aria-hidden />
        {label}
      </span>
      <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
    </Link>
  )
}
