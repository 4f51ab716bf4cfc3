'use client'

import { useLocale } from 'next-intl'
import { useTranslations } from '@/i18n/use-translations'
import { dateTimeFormat } from '@/i18n/kept-formats'
import type { RepeatWhen } from '@/server/insights/repeat-incidents'
import { AllLink, PostmortemRef, Section } from './parts'
import type { ShownRepeats } from './shown'

const tone: Record<RepeatWhen, string> = {
  after: 'text-destructive',
  before: 'text-warning',
  without: 'text-muted-foreground',
}

/**
 * Incidents that repeat an earlier one, against the check learned from it (decision 029): the
 * newest the figures list (50, as the JSON), or (the overview, with `allHref`) a few and a link to
 * them. `shownRepeats` cuts what it shows.
 */
export function RepeatsSection({ repeats }: { repeats: ShownRepeats }) {
  const t = useTranslations('InsightsPage')
  const locale = useLocale()
  const { listed, allHref: overview } = repeats
  const label = { after: t('repeatsAfter'), before: t('repeatsBefore'), without: t('repeatsWithout') }
  const hint = {
    after: t('repeatsAfterHint'),
    before: t('repeatsBeforeHint'),
    without: t('repeatsWithoutHint'),
  }
  const day = (date: Date) => dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
  return (
    <Section id="repeats" title={t('repeatsTitle')} description={t('repeatsDescription')}>
      {repeats.pending ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t('repeatsPending', { count: repeats.pending })}
        </p>
      ) : null}
      {repeats.total ? (
        <>
          <p className="text-sm">{t('repeatsSummary', { total: repeats.total })}</p>
          <dl className="grid gap-3 sm:grid-cols-3">
            {(['after', 'before', 'without'] as const).map((when) => (
              <div key={when} className="grid gap-0.5 rounded-md border border-border p-3">
                <dt className="text-sm font-medium">{label[when]}</dt>
                <dd className={`text-2xl font-semibold tabular-nums ${tone[when]}`}>{repeats[when]}</dd>
                <dd className="text-xs text-muted-foreground">{hint[when]}</dd>
              </div>
            ))}
          </dl>
          {/* Fixed columns that wrap: titles and checks are long, in any language. On a phone
              the table keeps a readable width and scrolls sideways. */}
          <div className="scroll-x">
            <table className="w-full min-w-[40rem] table-fixed border-collapse text-sm print:min-w-0">
              <caption className="sr-only">{t('repeatsTitle')}</caption>
              <colgroup>
                <col className="w-[28%]" />
                <col className="w-[36%]" />
                <col className="w-[24%]" />
                <col className="w-[12%]" />
              </colgroup>
              <thead>
                <tr className="border-b border-border text-left text-xs text-muted-foreground">
                  {[t('repeatColumn'), t('repeatsOfColumn'), t('checkColumn'), t('whenColumn')].map((h) => (
                    <th key={h} scope="col" className="py-1.5 pr-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="[&_td]:py-1.5 [&_td]:pr-2 [&_th]:py-1.5 [&_th]:pr-2 [&_th]:text-left [&_th]:font-normal [&_tr]:border-b [&_tr]:border-border/60">
                {listed.map((incident) => (
                  <tr key={incident.number} className="align-top">
                    <th scope="row" className="break-words">
                      <PostmortemRef postmortem={incident} />
                      <span className="block text-xs text-muted-foreground">{day(incident.at)}</span>
                    </th>
                    <td className="break-words">
                      <ul className="grid gap-1">
                        {incident.earlier.items.map((e) => (
                          <li key={e.number}>
                            <PostmortemRef postmortem={e} />
                            <span className="block text-xs break-words text-muted-foreground">
                              {e.services.join(', ')} · {t('inCommon', { words: e.shared.join(', ') })}
                            </span>
                          </li>
                        ))}
                        {incident.earlier.count > incident.earlier.items.length ? (
                          <li className="text-xs text-muted-foreground">
                            {t('moreEarlier', {
                              count: incident.earlier.count - incident.earlier.items.length,
                            })}
                          </li>
                        ) : null}
                      </ul>
                    </td>
                    <td className="break-words">
                      <ul className="grid gap-1">
                        {incident.checks.map((check) => (
                          <li key={check.id} className="break-words">
                            {check.text}
                            <span className="block text-xs text-muted-foreground">
                              {t('checkSince', { date: day(check.createdAt) })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className={`font-medium ${tone[incident.when]}`}>{label[incident.when]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* The overview names one earlier incident each: the page has three, and the rest. */}
          {overview ? (
            <AllLink href={overview}>
              {repeats.total > repeats.listedOf
                ? t('allRepeats', { shown: repeats.listedOf, count: repeats.total })
                : t('repeatsWhole', { count: repeats.total })}
            </AllLink>
          ) : repeats.total > listed.length ? (
            <p className="text-xs text-muted-foreground">{t('repeatsShown', { count: listed.length })}</p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t('noRepeats')}</p>
      )}
    </Section>
  )
}
