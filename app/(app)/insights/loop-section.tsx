import type { Route } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { Insights } from '@/server/insights/get-insights'
import { formatNumber } from '@/server/postmortems/schemas'
import { AllLink, PostmortemRef, Section, Table } from './parts'

/** Incidents after a waiver listed per checklist item; the rest are counted (the JSON and CSV have them all). */
const SHOWN_INCIDENTS = 10

/**
 * The checklist items of the loop, most waived and failed first, and the lessons that never
 * became one: all of them with the launches, incidents and dismissals behind each count, or
 * (`shown`, the overview) the first few, counts only, and a link to the rest.
 */
export async function LoopSection({
  insights,
  shown,
}: { insights: Insights } & { shown?: { items: number; lessons: number; allHref: Route } }) {
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
