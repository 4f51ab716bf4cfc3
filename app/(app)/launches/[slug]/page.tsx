import { Download, Plus } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { AddChecks } from '@/components/launches/add-checks'
import { CheckCard } from '@/components/launches/check-card'
import { LaunchProposals } from '@/components/launches/launch-proposals'
import { LaunchTaxonomyForm } from '@/components/launches/launch-taxonomy-form'
import { LaunchStatusForm } from '@/components/launches/launch-status-form'
import { ReadinessPanel } from '@/components/launches/readiness-panel'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { CachedMarkdown } from '@/components/ui/cached-markdown'
import { decodeRouteParam } from '@/lib/route-param'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { getLaunchReview } from '@/server/checklists/launch-review'
import { findTemplates } from '@/server/checklists/find-templates'
import { proposeChecks } from '@/server/checklists/propose-checks'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { getLaunch } from '@/server/launches/find-launches'
import { canMoveLaunch, checklistOpen } from '@/server/launches/launch-status'
import { formatNumber } from '@/server/postmortems/schemas'
import { findPeople } from '@/server/users/find-people'
import {
  acceptProposalAction,
  addAdhocCheckAction,
  addSubChecksAction,
  addTemplateChecksAction,
  assignOwnerAction,
  changeLaunchStatusAction,
  dismissProposalAction,
  pullNewerWordingAction,
  removeCheckAction,
  setCheckStatusAction,
  setLaunchTaxonomyAction,
  toggleSubCheckAction,
} from './actions'

async function load(params: PageProps<'/launches/[slug]'>['params']) {
  const slug = decodeRouteParam((await params).slug)
  if (slug === null) notFound()
  return loadLaunch(slug)
}

/** Once per request: the metadata and the page read the same launch. */
const loadLaunch = cache(async (slug: string) => {
  const actor = await requireUser()
  const result = await getLaunch({ actor, slug })
  if (!result.ok) notFound()
  return { actor, launch: result.data }
})

export async function generateMetadata({ params }: PageProps<'/launches/[slug]'>): Promise<Metadata> {
  return { title: (await load(params)).launch.name }
}

export default async function LaunchPage({ params }: PageProps<'/launches/[slug]'>) {
  const { actor, launch } = await load(params)
  const canEdit = hasRole(actor, 'EDITOR')
  const open = checklistOpen(launch.status)
  // What past incidents propose matters while the checklist can still change, to its editors.
  const proposing = canEdit && open
  const [t, tr, tp, statuses, enums, format, review, people, templates, proposals, taxonomy] =
    await Promise.all([
      getTranslations('LaunchPage'),
      getTranslations('LaunchReview'),
      getTranslations('LaunchProposals'),
      getTranslations('LaunchStatus'),
      getTranslations('Enums'),
      getFormatter(),
      getLaunchReview({ actor, launchId: launch.id }),
      canEdit ? findPeople({ actor, editors: true }) : [],
      canEdit ? findTemplates({ actor }) : [],
      proposing ? proposeChecks({ actor, slug: launch.slug }) : null,
      proposing ? findTaxonomy({ actor }) : null,
    ])
  const slug = launch.slug
  // Bound once for every card: each binding is sent to the browser as rows of its own.
  const checkActions = {
    assignOwner: assignOwnerAction.bind(null, slug),
    setStatus: setCheckStatusAction.bind(null, slug),
    addSubChecks: addSubChecksAction.bind(null, slug),
    toggleSubCheck: toggleSubCheckAction.bind(null, slug),
    pullNewer: pullNewerWordingAction.bind(null, slug),
    remove: removeCheckAction.bind(null, slug),
  }
  const day = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' }) : '—'
  return (
    <>
      <header className="mb-6 grid gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words break-keep">{launch.name}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(
            [
              [
                t('status'),
                <Badge key="s" tone="accent">
                  {statuses(launch.status as never)}
                </Badge>,
              ],
              [t('planned'), day(launch.plannedAt)],
              [t('launched'), day(launch.launchedAt)],
              ...(launch.services.length ? [[t('services'), launch.services.join(', ')] as const] : []),
              ...(launch.tags.length ? [[t('tags'), launch.tags.join(', ')] as const] : []),
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex items-center gap-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <nav className="flex flex-wrap gap-1 print:hidden">
          {canEdit ? (
            <Link href={`/postmortems/new?launch=${launch.id}`} className={buttonVariants({ size: 'sm' })}>
              <Plus aria-hidden />
              {t('writePostmortem')}
            </Link>
          ) : null}
          <a
            href={`/api/v1/launches/${launch.slug}/markdown?download=1`}
            className={buttonVariants({ variant: 'ghost', size: 'sm' })}
          >
            <Download aria-hidden />
            {t('exportMarkdown')}
          </a>
          <a
            href={`/api/v1/launches/${launch.slug}?download=1`}
            className={buttonVariants({ variant: 'ghost', size: 'sm' })}
          >
            <Download aria-hidden />
            {t('exportJson')}
          </a>
        </nav>
      </header>
      {launch.description ? <CachedMarkdown className="mb-8">{launch.description}</CachedMarkdown> : null}
      <section aria-labelledby="launch-review" className="mb-10 grid gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="launch-review" className="text-lg font-semibold">
            {tr('title')}
          </h2>
          {canEdit ? (
            <LaunchStatusForm
              action={changeLaunchStatusAction.bind(null, slug)}
              status={launch.status}
              ready={review.readiness.ready}
              isAdmin={hasRole(actor, 'ADMIN')}
            />
          ) : null}
        </div>
        {canMoveLaunch(launch.status, 'IN_REVIEW') && review.checks.length ? (
          <p className="text-sm text-muted-foreground">{tr('planningHint')}</p>
        ) : null}
        {launch.overrideReason ? (
          <p className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm">
            {tr('overridden', { name: launch.overrideBy ?? '—', reason: launch.overrideReason })}
          </p>
        ) : null}
        <ReadinessPanel readiness={review.readiness} empty={!review.checks.length} />
        {review.checks.length ? (
          <ol className="grid gap-3" aria-label={tr('checksLabel')}>
            {review.checks.map((check) => (
              <CheckCard
                key={check.id}
                check={check}
                people={people}
                launchStatus={launch.status}
                canEdit={canEdit}
                actions={checkActions}
              />
            ))}
          </ol>
        ) : null}
        {proposing && taxonomy ? (
          <section aria-labelledby="launch-proposals" className="grid gap-4 rounded-lg border px-4 py-3">
            <div className="grid gap-1">
              <h3 id="launch-proposals" tabIndex={-1} className="font-semibold">
                {tp('title')}
              </h3>
              <p className="text-sm text-muted-foreground">{tp('hint')}</p>
            </div>
            <LaunchTaxonomyForm
              action={setLaunchTaxonomyAction.bind(null, slug)}
              value={{ services: launch.services, tags: launch.tags }}
              suggestions={{ services: taxonomy.services, tags: taxonomy.tags }}
            />
            {proposals?.ok ? (
              <LaunchProposals
                proposals={proposals.data}
                accept={acceptProposalAction.bind(null, slug)}
                dismiss={dismissProposalAction.bind(null, slug)}
                headingId="launch-proposals"
              />
            ) : null}
          </section>
        ) : null}
        {canEdit && open ? (
          <AddChecks
            templates={templates}
            fromTemplate={addTemplateChecksAction.bind(null, slug)}
            adhoc={addAdhocCheckAction.bind(null, slug)}
          />
        ) : null}
      </section>
      <section aria-labelledby="launch-postmortems" className="grid gap-3">
        <h2 id="launch-postmortems" className="text-lg font-semibold">
          {t('postmortemsTitle')}
        </h2>
        {launch.postmortems.length ? (
          <ol className="grid gap-2">
            {launch.postmortems.map((pm) => (
              <li key={pm.number}>
                <Link
                  href={`/postmortems/${pm.number}`}
                  className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:bg-accent/30"
                >
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="font-mono">{formatNumber(pm.number)}</span>
                    <StatusBadge status={pm.status} />
                    {pm.severity ? <Badge>{enums(`severity.${pm.severity}` as never)}</Badge> : null}
                  </span>
                  <span lang={pm.language ?? undefined} className="font-medium break-words">
                    {pm.title}
                  </span>
                  {pm.symptom ? (
                    <span
                      lang={pm.language ?? undefined}
                      className="line-clamp-2 text-sm text-muted-foreground"
                    >
                      {pm.symptom}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">{t('postmortemsEmpty')}</p>
        )}
      </section>
    </>
  )
}
