import { ClipboardCheck, Download, History, Pencil, TriangleAlert } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { LiveEditors } from '@/components/postmortems/live-editors'
import { PostmortemArticle } from '@/components/postmortems/postmortem-article'
import { PrintButton } from '@/components/postmortems/print-button'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { StatusTransitions } from '@/components/postmortems/status-transitions'
import { buttonVariants } from '@/components/ui/button'
import { ClientMessages } from '@/i18n/client-messages'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findLessonItems } from '@/server/checklists/find-lesson-items'
import { findRecurrences } from '@/server/checklists/recurrence'
import { findPendingVersion } from '@/server/postmortems/find-pending-version'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { canComment } from '@/server/comments/comment-rules'
import { findThreads } from '@/server/comments/find-threads'
import { documentTextFields } from '@/server/postmortems/schemas'
import { findPeople } from '@/server/users/find-people'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'
import { postmortemSteps, type PostmortemStatus } from '@/server/postmortems/postmortem-status'
import { CloseActionItemForm } from '@/components/postmortems/close-action-item-form'
import { isOpenStatus } from '@/server/postmortems/follow-through'
import { changeStatusAction, closeActionItemAction } from '../actions'
import { ReadComments } from './read-comments'

/** What the workflow bar says while the postmortem can still move (`Workflow` keys). */
const workflowHint: Record<PostmortemStatus, 'draft' | 'inReview' | null> = {
  DRAFT: 'draft',
  IN_REVIEW: 'inReview',
  PUBLISHED: null,
}

async function load(params: PageProps<'/postmortems/[number]'>['params']) {
  const number = parsePostmortemNumber((await params).number)
  if (!number) notFound()
  return loadPostmortem(number)
}

/** Once per request: the metadata and the page read the same postmortem. */
const loadPostmortem = cache(async (number: number) => {
  const actor = await requireUser()
  const result = await getPostmortem({ actor, number })
  if (!result.ok) notFound()
  return { actor, view: result.data }
})

export async function generateMetadata({ params }: PageProps<'/postmortems/[number]'>): Promise<Metadata> {
  const { view } = await load(params)
  return { title: `${formatNumber(view.number)} · ${view.document.title}` }
}

export default async function PostmortemPage({ params }: PageProps<'/postmortems/[number]'>) {
  const { actor, view } = await load(params)
  const [t, workflow, versions, format, lessonItems, recurrences, pendingVersion, threads, people, fields] =
    await Promise.all([
      getTranslations('PostmortemPage'),
      getTranslations('Workflow'),
      getTranslations('Versions'),
      getFormatter(),
      findLessonItems({ actor, postmortemId: view.id }),
      findRecurrences({ actor, postmortemId: view.id }),
      findPendingVersion({ actor, postmortemId: view.id }),
      findThreads({ actor, number: view.number }),
      findPeople({ actor }),
      getTranslations('PostmortemEditor'),
    ])
  const fieldLabels: Record<string, string> = Object.fromEntries([
    ...documentTextFields.map((field) => [field, fields(`${field}Label`)]),
    ['list', fields('listEntryLabel')],
  ])
  const link = buttonVariants({ variant: 'ghost', size: 'sm' })
  const canEdit = hasRole(actor, 'EDITOR')
  const notYet = view.document.lessons.filter((l) => !lessonItems[l.id]?.length).length
  const lessonFooter = (lessonId: string) => {
    const items = lessonItems[lessonId] ?? []
    return (
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs print:hidden">
        {items.map((item) => (
          <Link
            key={item.id}
            href={`/checklists/${item.template.id}`}
            // Inline, so that on a phone the item's text flows on under its label.
            className="break-words hover:underline"
          >
            <ClipboardCheck className="mr-1 inline size-3.5 align-text-bottom text-success" aria-hidden />
            <span className="text-muted-foreground">
              {t('becameItem', { template: item.template.name })}
            </span>{' '}
            <span>{item.text}</span>
          </Link>
        ))}
        {!items.length ? <span className="text-muted-foreground">{t('notYetCheck')}</span> : null}
        {canEdit && !items.length ? (
          <Link
            href={`/postmortems/${view.number}/lessons/${lessonId}`}
            className="text-primary underline underline-offset-2"
          >
            {t('turnIntoItem')}
          </Link>
        ) : null}
      </div>
    )
  }
  const actionItemFooter = (itemId: string) => {
    const item = view.document.actionItems.find((a) => a.id === itemId)
    if (!canEdit || !item || !isOpenStatus(item.status)) return null
    return (
      <CloseActionItemForm
        itemId={item.id}
        title={item.title}
        evidenceRequired={view.followThrough.evidenceRequired}
        action={closeActionItemAction}
      />
    )
  }
  const hint = workflowHint[view.status]
  const openThreads = threads.ok ? threads.data.filter((th) => !th.resolvedAt).length : 0
  return (
    <>
      <header className="mb-6 grid gap-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span className="font-mono">{formatNumber(view.number)}</span>
          <StatusBadge status={view.status} />
          {view.launch ? (
            <Link href={`/launches/${view.launch.slug}`} className="hover:underline">
              {view.launch.name}
            </Link>
          ) : null}
        </div>
        <h1 lang={view.language ?? undefined} className="text-2xl font-semibold tracking-tight break-words">
          {view.document.title}
        </h1>
        <p className="text-xs text-muted-foreground">
          {t('updatedBy', {
            name: view.updatedBy ?? '—',
            date: format.dateTime(view.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
        <ClientMessages namespaces={['Presence']}>
          <LiveEditors number={view.number} />
        </ClientMessages>
        <nav className="flex flex-wrap gap-1 print:hidden">
          {hasRole(actor, 'EDITOR') ? (
            <Link href={`/postmortems/${view.number}/edit`} className={buttonVariants({ size: 'sm' })}>
              <Pencil aria-hidden />
              {t('edit')}
            </Link>
          ) : null}
          <Link href={`/postmortems/${view.number}/history`} className={link}>
            <History aria-hidden />
            {t('history')}
          </Link>
          <a href={`/api/v1/postmortems/${view.number}/markdown?download=1`} className={link}>
            <Download aria-hidden />
            {t('exportMarkdown')}
          </a>
          <a href={`/api/v1/postmortems/${view.number}?download=1`} className={link}>
            <Download aria-hidden />
            {t('exportJson')}
          </a>
          <PrintButton label={t('print')} />
        </nav>
      </header>
      {canEdit && postmortemSteps(view.status).length ? (
        <section
          aria-label={workflow('label')}
          className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-primary/30 bg-primary/5 px-4 py-3 text-sm print:hidden"
        >
          <div className="grid flex-1 basis-64 gap-1">
            <p>{hint && workflow(hint)}</p>
            {openThreads ? (
              <a href="#comments-title" className="text-primary underline underline-offset-2">
                {t('openThreads', { count: openThreads })}
              </a>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <ClientMessages namespaces={['Workflow']}>
              <StatusTransitions
                number={view.number}
                status={view.status}
                changeStatus={changeStatusAction}
              />
            </ClientMessages>
          </div>
        </section>
      ) : null}
      {pendingVersion ? (
        <section
          aria-label={versions('pending', {
            name: pendingVersion.updatedBy ?? '—',
            date: format.dateTime(pendingVersion.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
          className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-warning/40 bg-warning/5 px-4 py-3 text-sm print:hidden"
        >
          <p className="flex-1 basis-64">
            {versions('pendingNote', {
              name: pendingVersion.updatedBy ?? '—',
              date: format.dateTime(pendingVersion.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href={`/postmortems/${view.number}/history?to=pending`} className={link}>
              {versions('seeChanges')}
            </Link>
            <Link href={`/postmortems/${view.number}/edit`} className={link}>
              {versions('continueEditing')}
            </Link>
          </div>
        </section>
      ) : null}
      {recurrences.length ? (
        <section
          aria-labelledby="recurrence-title"
          className="mb-6 grid gap-1 rounded-lg border border-destructive/30 bg-destructive/5 px-4 py-3 text-sm"
        >
          <h2 id="recurrence-title" className="flex items-center gap-2 font-semibold text-destructive">
            <TriangleAlert className="size-4" aria-hidden />
            {t('recurrenceTitle')}
          </h2>
          <ul className="grid gap-0.5">
            {recurrences.map((r) => (
              <li key={r.check.id}>
                <Link href={`/launches/${r.launch.slug}#check-${r.check.id}`} className="hover:underline">
                  {t('recurrence', { check: r.check.text, status: r.check.status, launch: r.launch.name })}
                </Link>
                {r.check.reason ? <span className="text-muted-foreground"> — {r.check.reason}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notYet && canEdit ? (
        <p className="mb-6 text-sm text-muted-foreground print:hidden">
          <a href="#read-lessons" className="hover:underline">
            {t('notYetChecks', { count: notYet })}
          </a>
        </p>
      ) : null}
      <ClientMessages namespaces={['CloseActionItem']}>
        <PostmortemArticle view={view} lessonFooter={lessonFooter} actionItemFooter={actionItemFooter} />
      </ClientMessages>
      <ClientMessages namespaces={['Comments']}>
        <ReadComments
          number={view.number}
          threads={threads.ok ? threads.data : []}
          people={people}
          canComment={canComment(actor)}
          labels={fieldLabels}
          lang={view.language ?? undefined}
        />
      </ClientMessages>
    </>
  )
}
