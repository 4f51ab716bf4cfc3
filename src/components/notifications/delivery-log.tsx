import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { Badge } from '@/components/ui/badge'
import type { WebhookEndpointView } from '@/server/notifications/webhook-endpoints'

const tones = { PENDING: 'neutral', DELIVERED: 'success', FAILED: 'danger' } as const

type Delivery = WebhookEndpointView['deliveries'][number] & { user?: { name: string; email: string } | null }

/**
 * Recent deliveries, newest first: when, which event, to whom (e-mail), how it went, what came
 * back (an HTTP status, or the SMTP server's reply code).
 */
export function DeliveryLog({ deliveries, caption }: { deliveries: Delivery[]; caption: string }) {
  const t = useTranslations('WebhooksPage')
  const events = useTranslations('Notifications.events')
  const format = useFormatter()
  if (!deliveries.length) return <p className="text-sm text-muted-foreground">{t('noDeliveries')}</p>
  const withRecipient = deliveries.some((d) => d.user !== undefined)
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' })
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('time')}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('event')}
            </th>
            {withRecipient ? (
              <th scope="col" className="px-2 py-1.5 font-medium">
                {t('recipient')}
              </th>
            ) : null}
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('status')}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('responseCode')}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('attempts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} className="border-b border-border align-top last:border-0">
              <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
                <time dateTime={(d.lastAttemptAt ?? d.createdAt).toISOString()}>
                  {when(d.lastAttemptAt ?? d.createdAt)}
                </time>
              </td>
              <td className="px-2 py-1.5">
                {(events.has as (key: string) => boolean)(d.event.type)
                  ? events(d.event.type as never)
                  : d.event.type}
              </td>
              {withRecipient ? (
                <td className="px-2 py-1.5 [overflow-wrap:anywhere]">{d.user?.email ?? '—'}</td>
              ) : null}
              <td className="px-2 py-1.5">
                <Badge tone={tones[d.status]}>{t(`statuses.${d.status}`)}</Badge>
                {d.status === 'PENDING' && d.attempts > 0 ? (
                  <div className="text-xs text-muted-foreground">
                    {t('retryAt', { time: when(d.nextAttemptAt) })}
                  </div>
                ) : null}
              </td>
              <td className="px-2 py-1.5">
                <span className="font-mono tabular-nums">{d.responseCode ?? '—'}</span>
                {d.responseExcerpt ? (
                  <div className="max-w-80 truncate text-xs text-muted-foreground" title={d.responseExcerpt}>
                    {d.responseExcerpt}
                  </div>
                ) : null}
              </td>
              <td className="px-2 py-1.5 tabular-nums">{d.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
