'use client'

import { Archive, ArchiveRestore } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { Fragment, useOptimistic, useState, useTransition, type DragEvent } from 'react'
import { useActionError } from '@/components/forms/use-action-error'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { arrowDownIcon, arrowUpIcon } from '@/components/ui/fixed-icons'
import { LazyDetails } from '@/components/ui/lazy-details'
import { useMounted } from '@/components/ui/use-mounted'
import type { FormState } from '@/lib/form-state'
import type { ShownSkip, TemplateView } from '@/server/checklists/template-view'
import { ItemForm } from './item-form'
import { ItemSources } from './item-source'

type Item = TemplateView['items'][number]

/**
 * A template's items: reorder by dragging or with the arrow buttons (keyboard), reword in
 * place, archive. Items without a source incident are marked, so they can be traced.
 */
export function TemplateItemList({
  items,
  canEdit,
  actions,
}: {
  items: Item[]
  canEdit: boolean
  actions: {
    update: (itemId: string, prev: FormState, data: FormData) => Promise<FormState>
    move: (itemId: string, direction: 'up' | 'down') => Promise<FormState>
    reorder: (ids: string[]) => Promise<FormState>
    archive: (itemId: string, archived: boolean) => Promise<FormState>
    /** The launches that skipped an item besides those its card shows; null when refused. */
    otherSkips: (itemId: string) => Promise<ShownSkip[] | null>
  }
}) {
  const t = useTranslations('TemplatePage')
  const active = items.filter((i) => !i.archivedAt)
  const archived = items.filter((i) => i.archivedAt)
  const [order, setOrder] = useOptimistic(active.map((i) => i.id))
  // A refused move, reorder or archive says why above the list; the order falls back.
  const { error, run } = useActionError()
  const byId = new Map(active.map((i) => [i.id, i]))

  const reorder = (ids: string[]) =>
    run(() => {
      setOrder(ids)
      return actions.reorder(ids)
    })
  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault()
    const dragged = event.dataTransfer.getData('text/plain')
    if (!dragged || dragged === targetId) return
    const ids = order.filter((id) => id !== dragged)
    ids.splice(ids.indexOf(targetId), 0, dragged)
    reorder(ids)
  }

  return (
    <div className="grid gap-6">
      <FormError message={error} />
      <ol className="grid gap-2" aria-label={t('itemsTitle')}>
        {order.flatMap((id, index) => {
          const item = byId.get(id)
          if (!item) return []
          return [
            <li
              key={id}
              draggable={canEdit}
              onDragStart={(e) => e.dataTransfer.setData('text/plain', id)}
              onDragOver={(e) => canEdit && e.preventDefault()}
              onDrop={(e) => onDrop(e, id)}
              className="flex gap-3 rounded-lg border border-border bg-card px-3 py-3"
            >
              {canEdit ? (
                <MoveControls
                  item={item.text}
                  first={index === 0}
                  last={index === order.length - 1}
                  move={(direction) => run(() => actions.move(id, direction))}
                />
              ) : null}
              <div className="grid min-w-0 flex-1 gap-1.5">
                <ItemSummary item={item} index={index} otherSkips={actions.otherSkips} />
                {canEdit ? (
                  // The form, and archiving, open on request: a template of fifty items sent fifty
                  // forms and fifty archive buttons, one click from archiving the wrong item.
                  <LazyDetails
                    className="min-w-0"
                    summaryClassName="cursor-pointer text-sm text-primary"
                    summary={t('edit')}
                    summaryLabel={t('editItem', { item: item.text })}
                  >
                    <div className="mt-3 grid gap-3">
                      <ItemForm
                        action={actions.update.bind(null, id)}
                        idPrefix={`item-${id}`}
                        defaults={item}
                        submitLabel={t('saveItem')}
                      />
                      <Button
                        variant="ghost"
                        size="sm"
                        className="w-fit"
                        aria-label={t('archiveItem', { item: item.text })}
                        onClick={() => run(() => actions.archive(id, true))}
                      >
                        <Archive aria-hidden />
                        {t('archive')}
                      </Button>
                    </div>
                  </LazyDetails>
                ) : null}
              </div>
            </li>,
          ]
        })}
      </ol>
      {archived.length ? (
        // Made when first opened: each archived item has its sources and skips too.
        <LazyDetails
          summary={t('archivedItems', { count: archived.length })}
          summaryClassName="cursor-pointer text-sm text-muted-foreground"
        >
          <ul className="mt-2 grid gap-2">
            {archived.map((item) => (
              <li key={item.id} className="flex items-start gap-3 rounded-lg border border-dashed px-3 py-2">
                <div className="min-w-0 flex-1 text-muted-foreground">
                  <ItemSummary item={item} otherSkips={actions.otherSkips} />
                </div>
                {canEdit ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('restoreItem', { item: item.text })}
                    onClick={() => run(() => actions.archive(item.id, false))}
                  >
                    <ArchiveRestore aria-hidden />
                    {t('restore')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </LazyDetails>
      ) : null}
    </div>
  )
}

/**
 * An item's grip and its move buttons. Moving and dragging need script: the controls are rendered
 * by it, not sent as HTML (300 elements of a fifty-item template that did nothing until the page
 * had loaded), and until then an empty element of the same size keeps their place.
 */
function MoveControls({
  item,
  first,
  last,
  move,
}: {
  item: string
  first: boolean
  last: boolean
  move: (direction: 'up' | 'down') => void
}) {
  const t = useTranslations('TemplatePage')
  if (!useMounted()) return <div aria-hidden className="h-20 w-7 shrink-0" />
  return (
    <div className="flex h-20 w-7 shrink-0 flex-col items-center gap-1 text-muted-foreground">
      {/* The grip's dots drawn by CSS: fifty items drew fifty SVGs of six circles. */}
      <span
        aria-hidden
        className="h-4 w-2.5 cursor-grab bg-[radial-gradient(currentColor_1px,transparent_1.5px)] bg-size-[5px_5px]"
      />
      <Button
        variant="ghost"
        size="icon"
        className="size-7"
        disabled={first}
        aria-label={t('moveUp', { item })}
        onClick={() => move('up')}
      >
        {arrowUpIcon}
      </Button>
      <Button
        variant="ghost"
        size="icon"
        className="size-7"
        disabled={last}
        aria-label={t('moveDown', { item })}
        onClick={() => move('down')}
      >
        {arrowDownIcon}
      </Button>
    </div>
  )
}

/**
 * The links of a list of skips: underlined, because in a red line colour cannot tell them apart.
 * Set on the list, not on each link: a template's page lists hundreds.
 */
const skipLinks = '[&_a]:font-medium [&_a]:whitespace-nowrap [&_a]:underline [&_a]:underline-offset-2'

/** A launch that waived the item or marked it not applicable, and the newest incidents that followed there. */
function Skip({ skip }: { skip: ShownSkip }) {
  const t = useTranslations('TemplatePage')
  const skipped = t('skippedAt', { launch: skip.launch.name, status: skip.status })
  return (
    <li className={skip.incidents.length ? 'text-destructive' : 'text-muted-foreground'}>
      {skip.reason ? `${skipped} — ${skip.reason}` : skipped}
      {skip.incidents.map((i) => (
        <Fragment key={i.number}>
          {' · '}
          {t.rich('thenIncident', {
            number: i.number,
            title: i.title,
            // A plain link, like the sources': a card lists up to nine, a template's page hundreds.
            link: (chunks) => <a href={`/postmortems/${i.number}`}>{chunks}</a>,
          })}
        </Fragment>
      ))}
      {skip.moreIncidents ? ` · ${t('moreIncidents', { count: skip.moreIncidents })}` : ''}
    </li>
  )
}

/**
 * The other launches that skipped an item, asked for the first time the disclosure opens: a
 * template used for two years has forty under some items, and fifty items sent them all.
 */
function OtherSkips({ summary, load }: { summary: string; load: () => Promise<ShownSkip[] | null> }) {
  const t = useTranslations('TemplatePage')
  const common = useTranslations('Common')
  // undefined: not asked yet; null: the answer did not come.
  const [skips, setSkips] = useState<ShownSkip[] | null>()
  const [pending, startTransition] = useTransition()
  const ask = () =>
    startTransition(async () => {
      const answer = await load().catch(() => null)
      startTransition(() => setSkips(answer))
    })
  return (
    <details onToggle={(event) => event.currentTarget.open && skips === undefined && !pending && ask()}>
      <summary className="cursor-pointer text-muted-foreground">{summary}</summary>
      {pending ? (
        <p role="status" className="mt-1 text-muted-foreground">
          {common('loading')}
        </p>
      ) : skips === null ? (
        <p role="alert" className="mt-1 text-destructive">
          {t('otherSkipsFailed')}{' '}
          <button type="button" onClick={ask} className="underline underline-offset-2">
            {common('retry')}
          </button>
        </p>
      ) : skips ? (
        <ul className={`mt-1 grid gap-0.5 ${skipLinks}`}>
          {skips.map((s) => (
            <Skip key={s.launch.slug} skip={s} />
          ))}
        </ul>
      ) : null}
    </details>
  )
}

function ItemSummary({
  item,
  index,
  otherSkips,
}: {
  item: Item
  index?: number
  otherSkips: (itemId: string) => Promise<ShownSkip[] | null>
}) {
  const t = useTranslations('TemplatePage')
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-2">
        {index !== undefined ? (
          <span className="text-sm text-muted-foreground">{`${index + 1}.`}</span>
        ) : null}
        <span className="font-medium break-words">{item.text}</span>
        {item.category ? <Badge>{item.category}</Badge> : null}
        {item.required ? null : <Badge>{t('optional')}</Badge>}
        {!item.sources.length ? <Badge tone="accent">{t('noSource')}</Badge> : null}
      </p>
      {item.rationale ? <p className="text-sm break-words text-muted-foreground">{item.rationale}</p> : null}
      <ItemSources sources={item.sources} />
      {item.skippedAt.launches ? (
        <div className="grid gap-0.5 text-xs">
          <ul className={`grid gap-0.5 ${skipLinks}`}>
            {item.skippedAt.shown.map((s) => (
              <Skip key={s.launch.slug} skip={s} />
            ))}
          </ul>
          {item.skippedAt.others ? (
            <OtherSkips
              summary={t('moreSkips', {
                launches: item.skippedAt.launches,
                incidents: item.skippedAt.incidents,
                more: item.skippedAt.others,
              })}
              load={() => otherSkips(item.id)}
            />
          ) : null}
        </div>
      ) : null}
    </>
  )
}
