'use client'

import { useTranslations } from '@/i18n/use-translations'
import type { ReactNode } from 'react'
import { formatNumber } from '@/server/postmortems/postmortem-number'
import { AllLink, inTextLink as link, PostmortemRef, Section, Table } from './parts'
import type { ShownLoop, ShownLoopItem as LoopItem } from './shown'

/** What the loop counts for a checklist item, in the order the overview's table and the cards show them; a tone marks a count above 0. */
const COUNTS: {
  label:
    | 'launchesColumn'
    | 'passedColumn'
    | 'failedColumn'
    | 'waivedColumn'
    | 'naColumn'
    | 'afterWaiverColumn'
    | 'dismissedColumn'
  value: (item: LoopItem) => number
  tone?: string
}[] = [
  { label: 'launchesColumn', value: (item) => item.launchCount },
  { label: 'passedColumn', value: (item) => item.passed },
  { label: 'failedColumn', value: (item) => item.failed, tone: 'font-semibold' },
  { label: 'waivedColumn', value: (item) => item.waived, tone: 'font-semibold text-warning' },
  { label: 'naColumn', value: (item) => item.notApplicable },
  {
    label: 'afterWaiverColumn',
    value: (item) => item.incidentsAfterWaiver.count,
    tone: 'font-semibold text-destructive',
  },
  { label: 'dismissedColumn', value: (item) => item.dismissed },
]

/** A count of COUNTS for an item, with its tone when it is above 0. */
function count(c: (typeof COUNTS)[number], item: LoopItem) {
  const value = c.value(item)
  return { value, tone: value && c.tone ? c.tone : '' }
}

function ItemLink({ item }: { item: LoopItem }) {
  return (
    <a
      href={`/checklists/${item.templateId}`}
      className="break-words text-primary underline-offset-2 hover:underline"
    >
      {item.text}
    </a>
  )
}

/**
 * The checklist items of the loop, most waived and failed first, and the lessons that never
 * became one: all of them, each item a card with the launches, incidents and dismissals behind
 * its counts, or (the overview, with `allHref`) the first few as a table of counts, and a link to
 * the rest. `shownLoop` cuts what it shows.
 */
export function LoopSection({ loop }: { loop: ShownLoop }) {
  const t = useTranslations('InsightsPage')
  const statuses = useTranslations('CheckStatus')
  const { checklistItems, lessons, allHref: overview } = loop
  const listedLessons = lessons.lessons
  // The overview shows counts only: the launches, incidents and dismissals behind them are on the
  // loop's page, which is always a click away when there is anything to see.
  const more = overview && (loop.itemCount > 0 || lessons.withoutItem > 0)
  return (
    <Section id="loop" title={t('loopTitle')} description={t('loopDescription')}>
      {!checklistItems.length ? (
        <p className="text-sm text-muted-foreground">{t('noItems')}</p>
      ) : overview ? (
        <Table
          caption={t('loopTitle')}
          head={[t('itemColumn'), t('learnedColumn'), ...COUNTS.map((c) => t(c.label))]}
        >
          {checklistItems.map((item) => (
            <tr key={item.id} className="align-top">
              <th scope="row" className="max-w-xs">
                <ItemLink item={item} />
                <span className="block text-xs text-muted-foreground">
                  {item.template}
                  {item.archived ? ` · ${t('archived')}` : null}
                </span>
              </th>
              <td>{t('lessons', { count: item.sources })}</td>
              {COUNTS.map((c) => {
                const { value, tone } = count(c, item)
                return (
                  <td key={c.label} className={tone}>
                    {value}
                  </td>
                )
              })}
            </tr>
          ))}
        </Table>
      ) : (
        <ul aria-label={t('loopTitle')} className="grid gap-3">
          {checklistItems.map((item) => (
            <li key={item.id} className="grid gap-3 rounded-lg border border-border p-4">
              <div className="grid gap-0.5">
                <h3 className="font-medium">
                  <ItemLink item={item} />
                </h3>
                <p className="text-xs text-muted-foreground">
                  {item.template}
                  {item.archived ? ` · ${t('archived')}` : null}
                  {item.sources ? ` · ${t('learnedFrom', { count: item.sources })}` : null}
                </p>
              </div>
              <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                {COUNTS.map((c) => {
                  const { value, tone } = count(c, item)
                  return (
                    <div key={c.label} className="grid">
                      <dt className="text-xs text-muted-foreground">{t(c.label)}</dt>
                      <dd className={`tabular-nums ${tone}`}>{value}</dd>
                    </div>
                  )
                })}
              </dl>
              {item.launches.count || item.incidentsAfterWaiver.count || item.dismissals.count ? (
                <div className="grid gap-4 text-xs md:grid-cols-3">
                  <Listed
                    title={t('launchesColumn')}
                    list={item.launches}
                    more={(count) => t('moreLaunches', { count })}
                    entry={(l) => (
                      <li key={`${l.slug}-${l.status}`}>
                        <a href={`/launches/${l.slug}`} className={link}>
                          {l.name}
                        </a>{' '}
                        <span className="text-muted-foreground">· {statuses(l.status)}</span>
                      </li>
                    )}
                  />
                  <Listed
                    title={t('afterWaiverColumn')}
                    list={item.incidentsAfterWaiver}
                    more={(count) => t('moreIncidents', { count })}
                    entry={(p) => (
                      <li key={p.number}>
                        <PostmortemRef postmortem={p} linkClassName="text-destructive" />
                      </li>
                    )}
                  />
                  <Listed
                    title={t('dismissedColumn')}
                    list={item.dismissals}
                    more={(count) => t('moreDismissals', { count })}
                    entry={(d, i) => (
                      <li key={`${d.slug}-${i}`} className="break-words">
                        {t.rich('dismissal', {
                          reason: d.reason,
                          launch: () => (
                            <a href={`/launches/${d.slug}`} className={link}>
                              {d.name}
                            </a>
                          ),
                        })}
                      </li>
                    )}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
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
                  <a href={`/postmortems/${l.number}`} className={link}>
                    {formatNumber(l.number)}
                  </a>{' '}
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
        <AllLink href={overview}>
          {t('allLoop', { items: loop.itemCount, lessons: lessons.withoutItem })}
        </AllLink>
      ) : null}
    </Section>
  )
}

/**
 * One of a card's lists, under its name: the entries it was given, and how many more it holds;
 * nothing when it is empty.
 */
function Listed<T>({
  title,
  list,
  more,
  entry,
}: {
  title: string
  list: { items: T[]; count: number }
  more: (count: number) => string
  entry: (item: T, index: number) => ReactNode
}) {
  if (!list.count) return null
  return (
    <div className="grid content-start gap-1">
      <h4 className="font-medium text-muted-foreground">{title}</h4>
      <ul className="grid gap-0.5">
        {list.items.map(entry)}
        {list.count > list.items.length ? (
          <li className="text-muted-foreground">{more(list.count - list.items.length)}</li>
        ) : null}
      </ul>
    </div>
  )
}
