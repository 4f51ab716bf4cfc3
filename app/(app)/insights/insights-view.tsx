import { ArrowLeft, ChartColumn, FilterX } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { ClientMessages } from '@/i18n/client-messages'
import { requireUser } from '@/server/auth/current-user'
import { getInsights } from '@/server/insights/get-insights'
import { insightFilters, insightsInput } from '@/server/insights/schemas'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { hasRole } from '@/server/roles'
import { InsightsFilters } from './insights-filters'
import { RepeatsSection } from './repeats-section'
import { ActionItemsSection, DurationsSection, IncidentsSection } from './figures'
import { LoopSection } from './loop-section'
import { shownLoop, shownRepeats } from './shown'
import { apiHref, insightsHref, type InsightsView as View } from '@/lib/insights-links'

/** Checklist items, lessons and repeats the overview lists; their own pages list the rest. */
const OVERVIEW = { items: 8, lessons: 5, repeats: 5 }

/**
 * /insights and its two long lists (/insights/loop, /insights/repeats): the same filters, the
 * same figures; the overview shows the head of each list with a link to the whole of it.
 */
export async function InsightsView({
  searchParams,
  view,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
  view: View
}) {
  const actor = await requireUser()
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  )
  const parsed = insightsInput.safeParse(raw)
  const [t, taxonomy] = await Promise.all([getTranslations('InsightsPage'), findTaxonomy({ actor })])
  const editor = hasRole(actor, 'EDITOR')
  const clearFilters = (
    <Link href={insightsHref({}, view)} className={buttonVariants({ variant: 'secondary' })}>
      {t('clearFilters')}
    </Link>
  )
  const header = (download: boolean) => (
    <PageHeader
      title={t('title')}
      description={t('description')}
      actions={
        download && parsed.success ? (
          <div className="flex flex-wrap gap-2 print:hidden">
            <a
              href={apiHref(parsed.data, 'csv')}
              className={buttonVariants({ variant: 'secondary' })}
              download
            >
              {t('downloadCsv')}
            </a>
            <a href={apiHref(parsed.data, 'json')} className={buttonVariants({ variant: 'ghost' })}>
              {t('openJson')}
            </a>
          </div>
        ) : null
      }
    />
  )
  if (!parsed.success)
    return (
      <>
        {header(false)}
        <InsightsFilters
          values={raw}
          taxonomy={taxonomy}
          showScope={editor}
          action={insightsHref({}, view)}
        />
        <Empty
          icon={FilterX}
          title={t('invalidTitle')}
          description={t('invalidDescription')}
          action={clearFilters}
        />
      </>
    )
  const input = parsed.data
  const result = await getInsights({ actor, input })
  if (!result.ok) throw new Error(result.error.code) // every signed-in person may read insights
  const insights = result.data
  const filtered = insightFilters.some((key) => input[key])
  const empty = insights.incidents.total === 0 && insights.loop.checklistItems.length === 0

  if (empty && !filtered)
    return (
      <>
        {header(false)}
        <Empty
          icon={ChartColumn}
          title={t('emptyTitle')}
          description={t('emptyDescription')}
          action={
            <Link href="/postmortems" className={buttonVariants({ variant: 'secondary' })}>
              {t('emptyAction')}
            </Link>
          }
        />
      </>
    )

  return (
    <>
      {header(true)}
      {view === 'overview' ? null : (
        <Link
          href={insightsHref(input, 'overview')}
          className="mb-4 inline-flex items-center gap-1 text-sm text-primary underline-offset-2 hover:underline print:hidden"
        >
          <ArrowLeft className="size-4" aria-hidden />
          {t('backToOverview')}
        </Link>
      )}
      <InsightsFilters values={raw} taxonomy={taxonomy} showScope={editor} action={insightsHref({}, view)} />
      {insights.incidents.total === 0 ? (
        <Empty
          icon={FilterX}
          title={t('emptyFilteredTitle')}
          description={t('emptyFilteredDescription')}
          action={clearFilters}
        />
      ) : null}
      <ClientMessages namespaces={['InsightsPage', 'Enums', 'CheckStatus']}>
        {view === 'loop' ? (
          <LoopSection loop={shownLoop(insights.loop)} />
        ) : view === 'repeats' ? (
          <RepeatsSection repeats={shownRepeats(insights.loop.repeats)} />
        ) : (
          <div className="grid gap-10">
            {insights.incidents.total ? (
              <>
                <IncidentsSection
                  incidents={insights.incidents}
                  filters={insights.filters}
                  statuses={insights.statuses}
                />
                <DurationsSection
                  timeToDetect={insights.timeToDetect}
                  timeToResolve={insights.timeToResolve}
                />
                <ActionItemsSection actionItems={insights.actionItems} filters={insights.filters} />
              </>
            ) : null}
            <LoopSection
              loop={shownLoop(insights.loop, {
                items: OVERVIEW.items,
                lessons: OVERVIEW.lessons,
                allHref: insightsHref(input, 'loop'),
              })}
            />
            <RepeatsSection
              repeats={shownRepeats(insights.loop.repeats, {
                incidents: OVERVIEW.repeats,
                allHref: insightsHref(input, 'repeats'),
              })}
            />
          </div>
        )}
      </ClientMessages>
    </>
  )
}
