import { useFormatter, useTranslations } from 'next-intl'
import type { AuditEventView } from '@/server/audit/find-audit-events'

/** The audit entries, newest first; wide content scrolls inside its own box on a phone. */
export function AuditTable({ events }: { events: AuditEventView[] }) {
  const t = useTranslations('AuditPage')
  const actions = useTranslations('AuditActions')
  const format = useFormatter()
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-border text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('column.at')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('column.actor')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('column.action')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('column.detail')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('column.address')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-border align-top last:border-0">
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                <time dateTime={e.at.toISOString()}>
                  {format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
              </td>
              <td className="px-3 py-2">
                <div>{e.actorName || '—'}</div>
                {e.actorEmail ? (
                  <div className="text-xs break-all text-muted-foreground">{e.actorEmail}</div>
                ) : null}
              </td>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {(actions.has as (key: string) => boolean)(e.action) ? actions(e.action as never) : e.action}
              </th>
              <td className="px-3 py-2 break-words">
                {e.target ? <div className="font-mono text-xs">{e.target}</div> : null}
                {e.detail ? <div>{e.detail}</div> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
