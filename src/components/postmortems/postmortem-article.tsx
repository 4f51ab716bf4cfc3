import { useLocale } from 'next-intl'
import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { CachedMarkdown } from '@/components/ui/cached-markdown'
import { cn } from '@/lib/cn'
import type { PostmortemView } from '@/server/postmortems/get-postmortem'

const verdictTone = { OPEN: 'neutral', ELIMINATED: 'neutral', CONFIRMED: 'success' } as const

function Block({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  const ui = useLocale()
  return (
    <section aria-labelledby={id} className="grid break-inside-avoid-page gap-2">
      <h2 id={id} lang={ui} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

/**
 * A postmortem as people read (and print) it. Server-rendered; no editor code. The article
 * carries the language its text is written in (WCAG 3.1.2); the interface's own words in it
 * (headings, labels, badges) carry the interface's.
 */
export function PostmortemArticle({
  view,
  lessonFooter,
  actionItemFooter,
}: {
  view: PostmortemView
  /** What follows each lesson on the read page (the checklist items it became). */
  lessonFooter?: (lessonId: string) => ReactNode
  /** What follows each action item on the read page (closing it). */
  actionItemFooter?: (itemId: string) => ReactNode
}) {
  const t = useTranslations('PostmortemPage')
  const fields = useTranslations('Fields')
  const enums = useTranslations('Enums')
  const format = useFormatter()
  const ui = useLocale()
  const doc = view.document
  const follow = (id: string) => view.followThrough.items[id]
  const date = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) : null
  const text = (
    name: 'summary' | 'symptom' | 'detection' | 'impact' | 'rootCause' | 'resolution' | 'verification',
  ) =>
    doc[name].trim() ? (
      <Block id={`read-${name}`} title={fields(name)}>
        <CachedMarkdown>{doc[name]}</CachedMarkdown>
      </Block>
    ) : null

  const facts = [
    [t('severity'), doc.severity ? enums(`severity.${doc.severity}`) : null],
    [t('launch'), view.launch?.name ?? null],
    [t('occurred'), date(doc.occurredAt)],
    [t('detected'), date(doc.detectedAt)],
    [t('resolved'), date(doc.resolvedAt)],
    [t('tags'), doc.tags.join(', ') || null],
    [t('services'), doc.services.join(', ') || null],
    [fields('factors'), view.factors.map((f) => f.name).join(', ') || null],
  ].filter((fact): fact is [string, string] => Boolean(fact[1]))

  return (
    <article lang={view.language ?? ui} className="grid gap-8">
      {facts.length ? (
        <dl
          lang={ui}
          className="flex flex-wrap gap-x-10 gap-y-3 rounded-lg border border-border bg-card p-4 text-sm"
        >
          {facts.map(([label, value]) => (
            <div key={label} className="grid max-w-full min-w-24 gap-0.5">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {text('summary')}
      {text('symptom')}
      {text('detection')}
      {text('impact')}

      {doc.hypotheses.length ? (
        <Block id="read-hypotheses" title={t('hypothesesTable')}>
          <div className="hidden overflow-x-auto rounded-lg border border-border sm:block print:block">
            <table className="w-full text-left text-sm">
              <caption lang={ui} className="sr-only">
                {t('hypothesesCaption', { count: doc.hypotheses.length })}
              </caption>
              <thead lang={ui} className="bg-muted/60 text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="w-8 px-3 py-2">
                    #
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('colSuspicion')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('colEvidence')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('colVerdict')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {doc.hypotheses.map((h, i) => (
                  <tr
                    key={h.id}
                    className={cn(
                      'border-t border-border align-top',
                      h.status === 'CONFIRMED' && 'bg-success/5',
                    )}
                  >
                    <td className="px-3 py-2 text-muted-foreground">{i + 1}</td>
                    {/* The suspicion names its row: "Evidence" and "Verdict" are read as its. */}
                    <th
                      scope="row"
                      className={cn(
                        'px-3 py-2 font-medium',
                        h.status === 'ELIMINATED' && 'text-muted-foreground',
                      )}
                    >
                      {h.statement}
                    </th>
                    <td className="min-w-48 px-3 py-2">
                      {h.evidence ? <CachedMarkdown>{h.evidence}</CachedMarkdown> : null}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Badge lang={ui} tone={verdictTone[h.status]}>
                        {enums(`hypothesis.${h.status}`)}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* Phones: one card per hypothesis instead of a squeezed table. */}
          <ol className="grid gap-2 sm:hidden print:hidden">
            {doc.hypotheses.map((h, i) => (
              <li
                key={h.id}
                className={cn(
                  'grid gap-1 rounded-lg border border-border p-3',
                  h.status === 'CONFIRMED' && 'bg-success/5',
                )}
              >
                <div className="flex items-start justify-between gap-2">
                  <span
                    className={cn(
                      'text-sm font-medium',
                      h.status === 'ELIMINATED' && 'text-muted-foreground',
                    )}
                  >
                    {i + 1}. {h.statement}
                  </span>
                  <Badge lang={ui} tone={verdictTone[h.status]} className="shrink-0">
                    {enums(`hypothesis.${h.status}`)}
                  </Badge>
                </div>
                {h.evidence ? (
                  <CachedMarkdown className="text-muted-foreground">{h.evidence}</CachedMarkdown>
                ) : null}
              </li>
            ))}
          </ol>
        </Block>
      ) : null}

      {doc.timeline.length ? (
        <Block id="read-timeline" title={fields('timeline')}>
          <ol className="grid gap-3 border-l-2 border-border pl-4">
            {doc.timeline.map((entry) => {
              const tested = doc.hypotheses.findIndex((h) => h.id === entry.hypothesisId)
              return (
                <li key={entry.id} className="grid gap-1">
                  <p lang={ui} className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <Badge tone="accent">{enums(`timeline.${entry.kind}`)}</Badge>
                    {date(entry.at)}
                    {tested >= 0 ? <span>{t('testsHypothesis', { n: tested + 1 })}</span> : null}
                  </p>
                  <CachedMarkdown>{entry.text}</CachedMarkdown>
                </li>
              )
            })}
          </ol>
        </Block>
      ) : null}

      {text('rootCause')}
      {doc.rootCauseCategory ? (
        <p lang={ui} className="-mt-6 text-sm text-muted-foreground">
          {t('category')}: {enums(`rootCause.${doc.rootCauseCategory}`)}
        </p>
      ) : null}
      {doc.resolution.trim() ? (
        <Block id="read-resolution" title={fields('resolution')}>
          {doc.resolutionKind ? (
            <Badge
              lang={ui}
              tone={doc.resolutionKind === 'TEMPORARY' ? 'danger' : 'success'}
              className="w-fit"
            >
              {enums(`resolution.${doc.resolutionKind}`)}
            </Badge>
          ) : null}
          <CachedMarkdown>{doc.resolution}</CachedMarkdown>
        </Block>
      ) : null}
      {text('verification')}
      {doc.metric ? (
        <p className="-mt-4 rounded-md bg-muted px-3 py-2 text-sm" data-testid="metric">
          <span className="text-muted-foreground">{doc.metric.label || t('metric')}: </span>
          <span className="font-mono">{doc.metric.before}</span> →{' '}
          <span className="font-mono font-semibold">{doc.metric.after}</span>
        </p>
      ) : null}

      {doc.openQuestions.length ? (
        <Block id="read-questions" title={fields('openQuestions')}>
          <ol className="grid list-decimal gap-2 pl-5">
            {doc.openQuestions.map((q) => (
              <li key={q.id}>
                <CachedMarkdown>{q.text}</CachedMarkdown>
                {q.answer ? (
                  <CachedMarkdown className="mt-1 text-muted-foreground">{q.answer}</CachedMarkdown>
                ) : null}
              </li>
            ))}
          </ol>
        </Block>
      ) : null}
      {doc.lessons.length ? (
        <Block id="read-lessons" title={fields('lessons')}>
          <ol className="grid list-decimal gap-2 pl-5">
            {doc.lessons.map((lesson) => (
              <li key={lesson.id}>
                <CachedMarkdown>{lesson.text}</CachedMarkdown>
                {lessonFooter ? <div lang={ui}>{lessonFooter(lesson.id)}</div> : null}
              </li>
            ))}
          </ol>
        </Block>
      ) : null}
      {doc.actionItems.length ? (
        <Block id="read-actions" title={fields('actionItems')}>
          <ul className="grid gap-2">
            {doc.actionItems.map((item) => (
              <li
                key={item.id}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-border px-3 py-2 text-sm"
              >
                <span className="font-medium">
                  {item.link ? (
                    <a href={item.link} className="text-primary underline">
                      {item.title}
                    </a>
                  ) : (
                    item.title
                  )}
                </span>
                <Badge lang={ui}>{enums(`action.${item.status}`)}</Badge>
                <span lang={ui} className="text-muted-foreground">
                  {t('owner')}: {item.ownerId ? (view.people[item.ownerId]?.name ?? '—') : t('noOwner')}
                </span>
                {item.dueDate ? (
                  <span lang={ui} className="text-muted-foreground">
                    {t('due')}:{' '}
                    {format.dateTime(new Date(`${item.dueDate}T00:00:00Z`), {
                      dateStyle: 'medium',
                      timeZone: 'UTC',
                    })}
                  </span>
                ) : null}
                {follow(item.id)?.daysOverdue ? (
                  <Badge tone="danger">{t('daysOverdue', { days: follow(item.id)!.daysOverdue! })}</Badge>
                ) : null}
                <Closure view={view} itemId={item.id} />
                {actionItemFooter?.(item.id)}
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
    </article>
  )
}

/** How an action item was closed: its evidence or the reason it will not be done, by whom, when. */
function Closure({ view, itemId }: { view: PostmortemView; itemId: string }) {
  const t = useTranslations('PostmortemPage')
  const format = useFormatter()
  const closure = view.followThrough.items[itemId]
  if (!closure?.closedAt) return null
  const { evidence, wontDoReason } = closure
  return (
    <div className="grid w-full gap-1 text-muted-foreground">
      {evidence?.link ? (
        <span>
          {t('evidence')}:{' '}
          <a href={evidence.link} className="break-all text-primary underline">
            {evidence.link}
          </a>
        </span>
      ) : null}
      {evidence?.before && evidence.after ? (
        <span>
          {t('evidence')}: {evidence.before} → {evidence.after}
        </span>
      ) : null}
      {wontDoReason ? (
        <span className="break-words">
          {t('wontDoReason')}: {wontDoReason}
        </span>
      ) : null}
      <span className="text-xs">
        {t('closedBy', {
          name: closure.closedBy ?? '—',
          when: format.dateTime(closure.closedAt, { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </span>
    </div>
  )
}
