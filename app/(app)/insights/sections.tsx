import { ArrowRight } from 'lucide-react'
import type { Route } from 'next'
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { BarChart } from '@/components/insights/bar-chart'
import { ColumnChart } from '@/components/insights/column-chart'
import type { Insights } from '@/server/insights/get-insights'
import { formatNumber, severities } from '@/server/postmortems/schemas'
import { listHref, monthRange } from '@/lib/insights-links'

type SectionProps = { insights: Insights }

/** Incidents after a waiver listed per checklist item; the rest are counted (the JSON and CSV have them all). */
const SHOWN_INCIDENTS = 10
type Format = Awaited<ReturnType<typeof getFormatter>>

const severityFill = {
  SEV1: 'fill-destructive',
  SEV2: 'fill-warning',
  SEV3: 'fill-primary',
  SEV4: 'fill-muted-foreground',
  NONE: 'fill-input',
} as const

/** Seconds in the unit a reader would use: minutes under an hour, hours under two days, else days. */
function duration(format: Format, seconds: number | null): string | null {
  if (seconds === null) return null
  const [value, unit] =
    seconds < 3_600
      ? [seconds / 60, 'minute']
      : seconds < 172_800
        ? [seconds / 3_600, 'hour']
        : [seconds / 86_400, 'day']
  return format.number(value, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'minute' ? 0 : 1,
  })
}

const monthLabel = (format: Format, month: string) =>
  format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: 'numeric', month: 'short', timeZone: 'UTC' })

export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string
  title: string
  description?: string
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id} className="grid content-start gap-4">
      <header className="grid gap-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
      </header>
      {children}
    </section>
  )
}

export function Table({
  caption,
  head,
  children,
}: {
  caption: string
  head: ReactNode[]
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted-foreground">
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={i ? 'px-2 py-1.5 text-right font-medium' : 'py-1.5 pr-2 font-medium'}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_th]:py-1.5 [&_th]:pr-2 [&_th]:text-left [&_th]:font-normal [&_tr]:border-b [&_tr]:border-border/60">
          {children}
        </tbody>
      </table>
    </div>
  )
}

/** "PM-12 Title": the number opens the postmortem; the title in the language it is written in. */
export function PostmortemRef({
  postmortem,
  linkClassName = '',
}: {
  postmortem: { number: number; title: string; language: string | null }
  linkClassName?: string
}) {
  return (
    <>
      <Link
        href={`/postmortems/${postmortem.number}` as Route}
        className={`text-primary underline-offset-2 hover:underline ${linkClassName}`}
      >
        {formatNumber(postmortem.number)}
      </Link>{' '}
      <span lang={postmortem.language ?? undefined} className="break-words">
        {postmortem.title}
      </span>
    </>
  )
}

/** A number that opens the list of postmortems behind it (0 is plain: there is nothing to show). */
function Count({ value, href }: { value: number; href?: Route }) {
  return value && href ? (
    <Link href={href} className="text-primary underline-offset-2 hover:underline">
      {value}
    </Link>
  ) : (
    <>{value}</>
  )
}

export async function IncidentsSection({ insights }: SectionProps) {
  const [t, enums, format] = await Promise.all([
    getTranslations('InsightsPage'),
    getTranslations('Enums'),
    getFormatter(),
  ])
  const { incidents, filters } = insights
  const months = incidents.byMonth
  const peak = months.reduce((a, b) => (b.total > a.total ? b : a), months[0]!)
  const keys = [...severities, 'NONE'] as const
  const severityLabel = (k: (typeof keys)[number]) =>
    k === 'NONE' ? t('severityNone') : enums(`severity.${k}`)
  const shownKeys = keys.filter((k) => months.some((m) => m.bySeverity[k]))
  const bars = (title: string, rows: { label: string; value: number }[]) =>
    rows.length ? (
      <BarChart
        title={title}
        description={t('barsAlt', {
          title,
          count: rows.length,
          label: rows[0]!.label,
          value: rows[0]!.value,
        })}
        bars={rows}
      />
    ) : null
  const categoryLabel = (c: string | null) => (c ? enums(`rootCause.${c as 'CODE'}`) : t('categoryNone'))
  return (
    <>
      <Section id="incidents" title={t('incidentsTitle')} description={t('incidentsDescription')}>
        <p className="text-sm">
          {filters.scope === 'all' && insights.statuses.length > 1
            ? t('countedAll', { count: incidents.total })
            : t('countedPublished', { count: incidents.total })}{' '}
          <Link
            href={listHref(filters)}
            className="text-primary underline-offset-2 hover:underline print:hidden"
          >
            {t('showList')}
          </Link>
        </p>
        <ColumnChart
          title={t('incidentsTitle')}
          description={t('monthsAlt', {
            first: monthLabel(format, months[0]!.month),
            last: monthLabel(format, months.at(-1)!.month),
            total: incidents.total,
            peak: monthLabel(format, peak.month),
            peakCount: peak.total,
          })}
          series={shownKeys.map((k) => ({ key: k, label: severityLabel(k), className: severityFill[k] }))}
          minWidth={860}
          columns={months.map((m, i) => ({
            label: format.dateTime(new Date(`${m.month}-01T00:00:00Z`), { month: 'short', timeZone: 'UTC' }),
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
                <th scope="row">{monthLabel(format, m.month)}</th>
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
          {bars(
            t('byServiceTitle'),
            incidents.byService.map((s) => ({ label: s.name, value: s.count })),
          )}
          <Table caption={t('byServiceTitle')} head={[t('serviceColumn'), t('countColumn')]}>
            {incidents.byService.map((s) => (
              <tr key={s.name}>
                <th scope="row" className="break-words">
                  {s.name}
                </th>
                <td>
                  <Count value={s.count} href={listHref(filters, { service: s.name })} />
                </td>
              </tr>
            ))}
          </Table>
          {incidents.withoutService ? (
            <p className="text-sm text-muted-foreground">
              {t('withoutService', { count: incidents.withoutService })}
            </p>
          ) : null}
        </Section>
        <Section id="by-factor" title={t('byFactorTitle')} description={t('byFactorDescription')}>
          {bars(
            t('byFactorTitle'),
            incidents.byFactor.map((f) => ({ label: f.name, value: f.count })),
          )}
          <Table caption={t('byFactorTitle')} head={[t('factorColumn'), t('countColumn')]}>
            {incidents.byFactor.map((f) => (
              <tr key={f.id}>
                <th scope="row" className="break-words">
                  {f.name}
                </th>
                <td>
                  <Count value={f.count} href={listHref(filters, { factor: f.id })} />
                </td>
              </tr>
            ))}
          </Table>
          {incidents.withoutFactor ? (
            <p className="text-sm text-muted-foreground">
              {t('withoutFactor', { count: incidents.withoutFactor })}
            </p>
          ) : null}
        </Section>
        <Section id="by-category" title={t('byCategoryTitle')}>
          {bars(
            t('byCategoryTitle'),
            incidents.byCategory.map((c) => ({ label: categoryLabel(c.category), value: c.count })),
          )}
          <Table caption={t('byCategoryTitle')} head={[t('categoryColumn'), t('countColumn')]}>
            {incidents.byCategory.map((c) => (
              <tr key={c.category ?? 'none'}>
                <th scope="row">{categoryLabel(c.category)}</th>
                <td>
                  <Count
                    value={c.count}
                    href={c.category ? listHref(filters, { category: c.category }) : undefined}
                  />
                </td>
              </tr>
            ))}
          </Table>
        </Section>
      </div>
    </>
  )
}

export async function DurationsSection({ insights }: SectionProps) {
  const [t, format] = await Promise.all([getTranslations('InsightsPage'), getFormatter()])
  const buckets = (
    ['bucket0', 'bucket1', 'bucket2', 'bucket3', 'bucket4', 'bucket5', 'bucket6'] as const
  ).map((k) => t(k))
  const shortBuckets = (
    [
      'chartBucket0',
      'chartBucket1',
      'chartBucket2',
      'chartBucket3',
      'chartBucket4',
      'chartBucket5',
      'chartBucket6',
    ] as const
  ).map((k) => t(k))
  const one = (id: string, title: string, d: Insights['timeToDetect']) => {
    const none = t('notMeasured')
    return (
      <Section id={id} title={title}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          {(
            [
              [t('measured'), String(d.measured)],
              [t('median'), duration(format, d.median) ?? none],
              [t('p90'), duration(format, d.p90) ?? none],
              [t('range'), d.min === null ? none : `${duration(format, d.min)} – ${duration(format, d.max)}`],
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
        {d.measured ? (
          <ColumnChart
            title={title}
            description={t('histogramAlt', {
              title,
              count: d.measured,
              median: duration(format, d.median) ?? none,
              p90: duration(format, d.p90) ?? none,
            })}
            series={[{ key: 'n', label: title, className: 'fill-primary' }]}
            columns={d.buckets.map((n, i) => ({ label: shortBuckets[i]!, values: { n } }))}
          />
        ) : null}
        <Table caption={title} head={[t('bucketColumn'), t('countColumn')]}>
          {d.buckets.map((n, i) => (
            <tr key={i}>
              <th scope="row">{buckets[i]}</th>
              <td>{n}</td>
            </tr>
          ))}
        </Table>
      </Section>
    )
  }
  return (
    <Section id="durations" title={t('durationsTitle')} description={t('durationsDescription')}>
      <div className="grid gap-10 lg:grid-cols-2">
        {one('time-to-detect', t('ttdTitle'), insights.timeToDetect)}
        {one('time-to-resolve', t('ttrTitle'), insights.timeToResolve)}
      </div>
    </Section>
  )
}

export async function ActionItemsSection({ insights }: SectionProps) {
  const [t, format] = await Promise.all([getTranslations('InsightsPage'), getFormatter()])
  const a = insights.actionItems
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
            [t('medianOpenAge'), duration(format, a.medianOpenAge) ?? t('notMeasured'), false],
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
      <div className="grid gap-10 lg:grid-cols-2">
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
                  <Link
                    href={listHref(insights.filters, { service: s.service })}
                    className="text-primary underline-offset-2 hover:underline"
                  >
                    {s.service}
                  </Link>
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

/** The head of a long list on the overview, and the page with all of it. */
export function AllLink({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 justify-self-start text-sm font-medium text-primary underline-offset-2 hover:underline print:hidden"
    >
      {children}
      <ArrowRight className="size-4" aria-hidden />
    </Link>
  )
}

/**
 * The checklist items of the loop, most waived and failed first, and the lessons that never
 * became one: all of them with the launches, incidents and dismissals behind each count, or
 * (`shown`, the overview) the first few, counts only, and a link to the rest.
 */
export async function LoopSection({
  insights,
  shown,
}: SectionProps & { shown?: { items: number; lessons: number; allHref: Route } }) {
  const [t, statuses] = await Promise.all([getTranslations('InsightsPage'), getTranslations('CheckStatus')])
  const { lessons } = insights.loop
  const checklistItems = shown
    ? insights.loop.checklistItems.slice(0, shown.items)
    : insights.loop.checklistItems
  const listedLessons = shown ? lessons.lessons.slice(0, shown.lessons) : lessons.lessons
  // The overview shows counts only: the launches, incidents and dismissals behind them are on the
  // loop's page, which is always a click away when there is anything to see.
  const more = shown && (insights.loop.checklistItems.length > 0 || lessons.withoutItem > 0)
  const link = 'text-primary underline-offset-2 hover:underline'
  return (
    <Section id="loop" title={t('loopTitle')} description={t('loopDescription')}>
      {checklistItems.length ? (
        <Table
          caption={t('loopTitle')}
          head={[
            t('itemColumn'),
            t('learnedColumn'),
            t('launchesColumn'),
            t('passedColumn'),
            t('failedColumn'),
            t('waivedColumn'),
            t('naColumn'),
            t('afterWaiverColumn'),
            t('dismissedColumn'),
          ]}
        >
          {checklistItems.map((item) => (
            <tr key={item.id} className="align-top">
              <th scope="row" className="max-w-xs">
                <Link href={`/checklists/${item.templateId}` as Route} className={`${link} break-words`}>
                  {item.text}
                </Link>
                <span className="block text-xs text-muted-foreground">
                  {item.template}
                  {item.archived ? ` · ${t('archived')}` : null}
                </span>
              </th>
              <td>{t('lessons', { count: item.sources })}</td>
              <td className="max-w-56">
                <span className="block text-right">{item.launchCount}</span>
                {!shown && item.launches.length ? (
                  <ul className="grid gap-0.5 text-left text-xs">
                    {item.launches.slice(0, 5).map((l) => (
                      <li key={`${l.slug}-${l.status}`}>
                        <Link href={`/launches/${l.slug}` as Route} className={link}>
                          {l.name}
                        </Link>{' '}
                        <span className="text-muted-foreground">· {statuses(l.status)}</span>
                      </li>
                    ))}
                    {item.launches.length > 5 ? <li className="text-muted-foreground">…</li> : null}
                  </ul>
                ) : null}
              </td>
              <td>{item.passed}</td>
              <td className={item.failed ? 'font-semibold' : ''}>{item.failed}</td>
              <td className={item.waived ? 'font-semibold text-warning' : ''}>{item.waived}</td>
              <td>{item.notApplicable}</td>
              <td className={shown ? undefined : 'max-w-80 min-w-64'}>
                {!shown && item.incidentsAfterWaiver.length ? (
                  <ul className="grid gap-0.5 text-left text-xs">
                    {item.incidentsAfterWaiver.slice(0, SHOWN_INCIDENTS).map((p) => (
                      <li key={p.number}>
                        <PostmortemRef postmortem={p} linkClassName="text-destructive" />
                      </li>
                    ))}
                    {item.incidentsAfterWaiver.length > SHOWN_INCIDENTS ? (
                      <li className="text-muted-foreground">
                        {t('moreIncidents', { count: item.incidentsAfterWaiver.length - SHOWN_INCIDENTS })}
                      </li>
                    ) : null}
                  </ul>
                ) : (
                  <span
                    className={`block text-right ${item.incidentsAfterWaiver.length ? 'font-semibold text-destructive' : ''}`}
                  >
                    {item.incidentsAfterWaiver.length}
                  </span>
                )}
              </td>
              <td className="max-w-56">
                <span className="block text-right">{item.dismissed}</span>
                {!shown && item.dismissals.length ? (
                  <ul className="grid gap-0.5 text-left text-xs">
                    {item.dismissals.slice(0, 5).map((d, i) => (
                      <li key={`${d.slug}-${i}`}>
                        <Link href={`/launches/${d.slug}` as Route} className={link}>
                          {d.name}
                        </Link>
                        : <span className="break-words">{d.reason}</span>
                      </li>
                    ))}
                    {item.dismissals.length > 5 ? <li className="text-muted-foreground">…</li> : null}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">{t('noItems')}</p>
      )}
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">{t('lessonsTitle')}</h3>
        {!lessons.total ? (
          <p className="text-sm text-muted-foreground">{t('noLessons')}</p>
        ) : !lessons.withoutItem ? (
          <p className="text-sm text-muted-foreground">{t('noLessonsLeft')}</p>
        ) : (
          <>
            <p className="text-sm">
              {t('lessonsSummary', { without: lessons.withoutItem, total: lessons.total })}
              {lessons.withoutItem > listedLessons.length
                ? ` ${t('lessonsShown', { count: listedLessons.length })}`
                : null}
            </p>
            <ul className="grid gap-1 text-sm">
              {listedLessons.map((l) => (
                <li key={l.id} className="break-words">
                  <Link href={`/postmortems/${l.number}` as Route} className={link}>
                    {formatNumber(l.number)}
                  </Link>{' '}
                  <span lang={l.language ?? undefined}>
                    <span className="text-muted-foreground">{l.title} ·</span> {l.text}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {more ? (
        <AllLink href={shown.allHref}>
          {t('allLoop', { items: insights.loop.checklistItems.length, lessons: lessons.withoutItem })}
        </AllLink>
      ) : null}
    </Section>
  )
}
