import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ActionButton } from '@/components/forms/action-button'
import { DeliveryLog } from '@/components/notifications/delivery-log'
import { WebhookForm } from '@/components/notifications/webhook-form'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { emailEnabled } from '@/server/notifications/settings'
import { findEmailDeliveries, findWebhookEndpoints } from '@/server/notifications/webhook-endpoints'
import { createWebhookAction, removeWebhookAction, setWebhookEnabledAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('WebhooksPage'))('title') }
}

export default async function WebhooksPage() {
  const actor = await requireUser('ADMIN')
  const [t, events, endpoints, emails] = await Promise.all([
    getTranslations('WebhooksPage'),
    getTranslations('Notifications.events'),
    findWebhookEndpoints({ actor }),
    findEmailDeliveries({ actor }),
  ])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6">
        <Card>
          <WebhookForm action={createWebhookAction} />
        </Card>
        {endpoints.length ? (
          <ul className="grid gap-4" aria-label={t('title')}>
            {endpoints.map((endpoint) => (
              <li key={endpoint.id}>
                <Card aria-label={endpoint.url}>
                  <CardHeader
                    title={<span className="font-mono text-sm [overflow-wrap:anywhere]">{endpoint.url}</span>}
                    description={endpoint.description || undefined}
                  />
                  <div className="mb-4 flex flex-wrap items-center gap-2">
                    <Badge tone={endpoint.enabled ? 'success' : 'neutral'}>
                      {endpoint.enabled ? t('enabled') : t('disabled')}
                    </Badge>
                    {endpoint.events.map((event) => (
                      <Badge key={event}>
                        {(events.has as (key: string) => boolean)(event) ? events(event as never) : event}
                      </Badge>
                    ))}
                    <div className="ml-auto flex gap-2">
                      <ActionButton
                        action={setWebhookEnabledAction.bind(null, endpoint.id, !endpoint.enabled)}
                        variant="secondary"
                        size="sm"
                      >
                        {endpoint.enabled ? t('pause') : t('resume')}
                      </ActionButton>
                      <ActionButton
                        action={removeWebhookAction.bind(null, endpoint.id)}
                        variant="ghost"
                        size="sm"
                      >
                        {t('remove')}
                      </ActionButton>
                    </div>
                  </div>
                  <h3 className="mb-2 text-sm font-semibold">{t('deliveriesTitle')}</h3>
                  <DeliveryLog deliveries={endpoint.deliveries} caption={t('deliveriesTitle')} />
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        )}
        <Card>
          <CardHeader title={t('emailTitle')} description={emailEnabled() ? t('emailOn') : t('emailOff')} />
          {emailEnabled() || emails.length ? (
            <DeliveryLog deliveries={emails} caption={t('emailTitle')} />
          ) : null}
        </Card>
      </div>
    </>
  )
}
