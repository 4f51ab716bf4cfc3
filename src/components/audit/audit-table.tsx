import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import type { AuditEventView } from '@/server/audit/find-audit-events'

/** The audit entries, newest first: a table from lg up, one card per entry below (no sideways scrolling on a phone). */
export function AuditTable({ events }: { events: AuditEventView[] }) {
  const t = useTranslations('AuditPage')
  const actions = useTranslations('AuditActions')
  const format = useFormatter()
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-card">
      <table className="block w-full text-sm lg:table lg:min-w-[40rem]">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="hidden border-b border-border text-left text-xs text-muted-foreground lg:table-header-group">
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
        <tbody className="block lg:table-row-group">
          {events.map((e) => (
            <tr
              key={e.id}
              className="grid gap-1 border-b border-border px-4 py-3 align-top last:border-0 lg:table-row lg:p-0"
            >
              <td className="block text-xs whitespace-nowrap text-muted-foreground tabular-nums lg:table-cell lg:px-3 lg:py-2 lg:text-sm lg:text-foreground">
                <time dateTime={e.at.toISOString()}>
                  {format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
              </td>
              <td className="block lg:table-cell lg:px-3 lg:py-2">
                <div>{e.actorName || '—'}</div>
                {e.actorEmail ? (
                  <div className="text-xs [overflow-wrap:anywhere] text-muted-foreground">{e.actorEmail}</div>
                ) : null}
              </td>
              <th
                scope="row"
                className="order-first block text-left font-medium lg:table-cell lg:px-3 lg:py-2"
              >
                {(actions.has as (key: string) => boolean)(e.action) ? actions(e.action as never) : e.action}
              </th>
              <td className="block [overflow-wrap:anywhere] lg:table-cell lg:px-3 lg:py-2">
                {e.target ? <div className="font-mono text-xs">{e.target}</div> : null}
                {e.detail ? <div>{e.detail}</div> : null}
              </td>
              <td className="block font-mono text-xs text-muted-foreground lg:table-cell lg:px-3 lg:py-2 lg:text-foreground">
                <span className="font-sans lg:hidden">{t('column.address')} </span>
                {e.address ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
