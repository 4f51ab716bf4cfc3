'use client'

import { Link } from '@/components/ui/link'
import { useLocale } from 'next-intl'
import { useTranslations } from '@/i18n/use-translations'
import { ColumnChart } from '@/components/insights/column-chart'
import { dateTimeFormat, numberFormat } from '@/i18n/kept-formats'
import type { Insights } from '@/server/insights/get-insights'
import { severities } from '@/server/postmortems/severity'
import { listHref, monthRange } from '@/lib/insights-links'
import { BarTable, Count, inTextLink, Section, Table } from './parts'

/*
 * The figures of /insights: incidents, durations, action items. Client components given the
 * numbers: as server components their two thousand elements (tables, charts, a link per count)
 * were sent twice, as the page's HTML and again as its React payload, cut into rows of their own.
 * Their HTML is the same; only the numbers travel with the page (decision 037).
 */

const severityFill = {
  SEV1: 'fill-destructive',
  SEV2: 'fill-warning',
  SEV3: 'fill-primary',
  SEV4: 'fill-muted-foreground',
  NONE: 'fill-input',
} as const

/** Seconds in the unit a reader would use: minutes under an hour, hours under two days, else days. */
function duration(locale: string, seconds: number | null): string | null {
  if (seconds === null) return null
  const [value, unit] =
    seconds < 3_600
      ? [seconds / 60, 'minute']
      : seconds < 172_800
        ? [seconds / 3_600, 'hour']
        : [seconds / 86_400, 'day']
  return numberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'minute' ? 0 : 1,
  }).format(value)
}

const firstOf = (month: string) => new Date(`${month}-01T00:00:00Z`)
const monthLabel = (locale: string, month: string) =>
  dateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(firstOf(month))

export function IncidentsSection({
  incidents,
  filters,
  statuses,
}: Pick<Insights, 'incidents' | 'filters' | 'statuses'>) {
  const t = useTranslations('InsightsPage')
  const enums = useTranslations('Enums')
  const locale = useLocale()
  const months = incidents.byMonth
  const peak = months.reduce((a, b) => (b.total > a.total ? b : a), months[0]!)
  const keys = [...severities, 'NONE'] as const
  const severityLabel = (k: (typeof keys)[number]) =>
    k === 'NONE' ? t('severityNone') : enums(`severity.${k}`)
  const shownKeys = keys.filter((k) => months.some((m) => m.bySeverity[k]))
  const categoryLabel = (c: string | null) => (c ? enums(`rootCause.${c as 'CODE'}`) : t('categoryNone'))
  return (
    <>
      <Section id="incidents" title={t('incidentsTitle')} description={t('incidentsDescription')}>
        <p className="text-sm">
          {filters.scope === 'all' && statuses.length > 1
            ? t('countedAll', { count: incidents.total })
            : t('countedPublished', { count: incidents.total })}{' '}
          <Link href={listHref(filters)} className={`${inTextLink} print:hidden`}>
            {t('showList')}
          </Link>
        </p>
        <ColumnChart
          title={t('incidentsTitle')}
          description={t('monthsAlt', {
            first: monthLabel(locale, months[0]!.month),
            last: monthLabel(locale, months.at(-1)!.month),
            total: incidents.total,
            peak: monthLabel(locale, peak.month),
            peakCount: peak.total,
          })}
          series={shownKeys.map((k) => ({ key: k, label: severityLabel(k), className: severityFill[k] }))}
          minWidth={860}
          columns={months.map((m, i) => ({
            label: dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(firstOf(m.month)),
            // The year under the first month and under every January.
            sublabel: i === 0 || m.month.endsWith('-01') ? m.month.slice(0, 4) : undefined,
            values: m.bySeverity,
          }))}
        />
        <Table
          caption={t('incidentsTitle')}
          head={[t('monthColumn'), ...shownKeys.map(severityLabel), t('totalColumn')]}
        >
          {months.map((m) => {
            const range = monthRange(filters, m.month)
            return (
              <tr key={m.month}>
                <th scope="row">{monthLabel(locale, m.month)}</th>
                {shownKeys.map((k) => (
                  <td key={k}>
                    <Count
                      value={m.bySeverity[k]}
                      href={k === 'NONE' ? undefined : listHref(filters, { ...range, severity: k })}
                    />
                  </td>
                ))}
                <td className="font-medium">
                  <Count value={m.total} href={listHref(filters, range)} />
                </td>
              </tr>
            )
          })}
        </Table>
      </Section>
      <div className="grid gap-10 lg:grid-cols-2">
        <Section id="by-service" title={t('byServiceTitle')} description={t('byServiceDescription')}>
          <BarTable
            caption={t('byServiceTitle')}
            head={[t('serviceColumn'), t('countColumn')]}
            rows={incidents.byService.map((s) => ({
              key: s.name,
              label: s.name,
              value: s.count,
              href: listHref(filters, { service: s.name }),
            }))}
          />
          {incidents.withoutService ? (
            <p className="text-sm text-muted-foreground">
              {t('withoutService', { count: incidents.withoutService })}
            </p>
          ) : null}
        </Section>
        <Section id="by-factor" title={t('byFactorTitle')} description={t('byFactorDescription')}>
          <BarTable
            caption={t('byFactorTitle')}
            head={[t('factorColumn'), t('countColumn')]}
            rows={incidents.byFactor.map((f) => ({
              key: f.id,
              label: f.name,
              value: f.count,
              href: listHref(filters, { factor: f.id }),
            }))}
          />
          {incidents.withoutFactor ? (
            <p className="text-sm text-muted-foreground">
              {t('withoutFactor', { count: incidents.withoutFactor })}
            </p>
          ) : null}
        </Section>
        <Section id="by-category" title={t('byCategoryTitle')}>
          <BarTable
            caption={t('byCategoryTitle')}
            head={[t('categoryColumn'), t('countColumn')]}
            rows={incidents.byCategory.map((c) => ({
              key: c.category ?? 'none',
              label: categoryLabel(c.category),
              value: c.count,
              href: c.category ? listHref(filters, { category: c.category }) : undefined,
            }))}
          />
        </Section>
      </div>
    </>
  )
}

export function DurationsSection({
  timeToDetect,
  timeToResolve,
}: Pick<Insights, 'timeToDetect' | 'timeToResolve'>) {
  const t = useTranslations('InsightsPage')
  const locale = useLocale()
  const buckets = (
    ['bucket0', 'bucket1', 'bucket2', 'bucket3', 'bucket4', 'bucket5', 'bucket6'] as const
  ).map((k) => t(k))
  const one = (id: string, title: string, d: Insights['timeToDetect']) => {
    const none = t('notMeasured')
    return (
      <Section id={id} title={title}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          {(
            [
              [t('measured'), String(d.measured)],
              [t('median'), duration(locale, d.median) ?? none],
              [t('p90'), duration(locale, d.p90) ?? none],
              [t('range'), d.min === null ? none : `${duration(locale, d.min)} – ${duration(locale, d.max)}`],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="grid gap-0.5">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-base font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted-foreground">
          {t('missing', { count: d.missing })}
          {d.inconsistent ? ` ${t('inconsistent', { count: d.inconsistent })}` : null}
        </p>
        <BarTable
          caption={title}
          head={[t('bucketColumn'), t('countColumn')]}
          rows={d.buckets.map((n, i) => ({ key: String(i), label: buckets[i]!, value: n }))}
        />
      </Section>
    )
  }
  return (
    <Section id="durations" title={t('durationsTitle')} description={t('durationsDescription')}>
      <div className="grid gap-10 lg:grid-cols-2">
        {one('time-to-detect', t('ttdTitle'), timeToDetect)}
        {one('time-to-resolve', t('ttrTitle'), timeToResolve)}
      </div>
    </Section>
  )
}

export function ActionItemsSection({ actionItems: a, filters }: Pick<Insights, 'actionItems' | 'filters'>) {
  const t = useTranslations('InsightsPage')
  const locale = useLocale()
  if (!a.total)
    return (
      <Section id="action-items" title={t('actionsTitle')}>
        <p className="text-sm text-muted-foreground">{t('noActions')}</p>
      </Section>
    )
  const head = [t('open'), t('overdue'), t('done'), t('doneOnTime'), t('doneLate'), t('cancelled')]
  return (
    <Section id="action-items" title={t('actionsTitle')} description={t('actionsDescription')}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
        {(
          [
            [t('open'), String(a.open), false],
            [t('overdue'), String(a.overdue), a.overdue > 0],
            [t('openWithoutDue'), String(a.openWithoutDueDate), false],
            [t('medianOpenAge'), duration(locale, a.medianOpenAge) ?? t('notMeasured'), false],
            [t('cancelled'), String(a.cancelled), false],
            [t('done'), String(a.done), false],
            [t('doneOnTime'), String(a.doneOnTime), false],
            [t('doneLate'), String(a.doneLate), a.doneLate > 0],
            [t('doneWithoutDue'), String(a.doneWithoutDueDate), false],
            [t('doneWhenUnknown'), String(a.doneWhenUnknown), false],
            [t('doneWithEvidence'), String(a.doneWithEvidence), false],
          ] as const
        ).map(([label, value, alarm]) => (
          <div key={label} className="grid content-start gap-0.5">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className={`text-base font-semibold tabular-nums ${alarm ? 'text-destructive' : ''}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">{t('doneNote')}</p>
      {/* Side by side only on screens wide enough for both tables' seven columns. */}
      <div className="grid gap-10 2xl:grid-cols-2">
        <div className="grid content-start gap-2">
          <h3 className="text-sm font-semibold">{t('byOwnerTitle')}</h3>
          <Table caption={t('byOwnerTitle')} head={[t('ownerColumn'), ...head]}>
            {a.byOwner.map((o) => (
              <tr key={o.ownerId ?? 'none'}>
                <th scope="row">{o.owner ?? t('noOwner')}</th>
                <td>{o.open}</td>
                <td className={o.overdue ? 'font-semibold text-destructive' : ''}>{o.overdue}</td>
                <td>{o.done}</td>
                <td>{o.doneOnTime}</td>
                <td className={o.doneLate ? 'font-semibold text-destructive' : ''}>{o.doneLate}</td>
                <td>{o.cancelled}</td>
              </tr>
            ))}
          </Table>
        </div>
        <div className="grid content-start gap-2">
          <h3 className="text-sm font-semibold">{t('byServiceActionsTitle')}</h3>
          <Table caption={t('byServiceActionsTitle')} head={[t('serviceColumn'), ...head]}>
            {a.byService.map((s) => (
              <tr key={s.service}>
                <th scope="row">
                  <a href={listHref(filters, { service: s.service })}>{s.service}</a>
                </th>
                <td>{s.open}</td>
                <td className={s.overdue ? 'font-semibold text-destructive' : ''}>{s.overdue}</td>
                <td>{s.done}</td>
                <td>{s.doneOnTime}</td>
                <td className={s.doneLate ? 'font-semibold text-destructive' : ''}>{s.doneLate}</td>
                <td>{s.cancelled}</td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
    </Section>
  )
}
