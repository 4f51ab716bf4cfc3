import { Archive, ArchiveRestore } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { ItemForm } from '@/components/checklists/item-form'
import { TemplateForm } from '@/components/checklists/template-form'
import { TemplateItemList } from '@/components/checklists/template-item-list'
import { Badge } from '@/components/ui/badge'
import { ActionButton } from '@/components/forms/action-button'
import { Card } from '@/components/ui/card'
import { decodeRouteParam } from '@/lib/route-param'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { getTemplate } from '@/server/checklists/get-template'
import {
  addItemAction,
  archiveItemAction,
  archiveTemplateAction,
  moveItemAction,
  otherSkipsAction,
  reorderItemsAction,
  updateItemAction,
  updateTemplateAction,
} from '../actions'

async function load(params: PageProps<'/checklists/[id]'>['params']) {
  const id = decodeRouteParam((await params).id)
  if (id === null) notFound()
  return loadTemplate(id)
}

/** Once per request: the metadata and the page read the same template. */
const loadTemplate = cache(async (id: string) => {
  const actor = await requireUser()
  const result = await getTemplate({ actor, id })
  if (!result.ok) notFound()
  return { actor, template: result.data }
})

export async function generateMetadata({ params }: PageProps<'/checklists/[id]'>): Promise<Metadata> {
  return { title: (await load(params)).template.name }
}

export default async function TemplatePage({ params }: PageProps<'/checklists/[id]'>) {
  const { actor, template } = await load(params)
  const t = await getTranslations('TemplatePage')
  const canEdit = hasRole(actor, 'EDITOR') && !template.archivedAt
  const active = template.items.filter((i) => !i.archivedAt)
  const untraced = active.filter((i) => !i.sources.length).length
  return (
    <>
      <header className="mb-6 grid gap-2">
        <Link href="/checklists" className="text-sm text-muted-foreground hover:underline">
          {t('back')}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight break-words break-keep">{template.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span>{t('version', { version: template.version })}</span>
          <span>{t('itemCount', { count: active.length })}</span>
          {untraced ? <Badge tone="accent">{t('untraced', { count: untraced })}</Badge> : null}
          {template.archivedAt ? <Badge>{t('archived')}</Badge> : null}
        </p>
        {template.description ? <p className="text-sm break-words">{template.description}</p> : null}
        {hasRole(actor, 'EDITOR') ? (
          <ActionButton
            action={archiveTemplateAction.bind(null, template.id, !template.archivedAt)}
            variant="ghost"
            size="sm"
            className="grid justify-items-start gap-2"
          >
            {template.archivedAt ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
            {template.archivedAt ? t('restoreTemplate') : t('archiveTemplate')}
          </ActionButton>
        ) : null}
      </header>
      <section aria-labelledby="template-items" className="grid gap-3">
        <h2 id="template-items" className="text-lg font-semibold">
          {t('itemsTitle')}
        </h2>
        {template.items.length ? (
          <TemplateItemList
            items={template.items}
            canEdit={canEdit}
            actions={{
              update: updateItemAction.bind(null, template.id),
              move: moveItemAction.bind(null, template.id),
              reorder: reorderItemsAction.bind(null, template.id),
              archive: archiveItemAction.bind(null, template.id),
              otherSkips: otherSkipsAction.bind(null, template.id),
            }}
          />
        ) : (
          <p className="text-sm text-muted-foreground">{t('itemsEmpty')}</p>
        )}
      </section>
      {canEdit ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t('addItemTitle')}</h2>
            <ItemForm
              action={addItemAction.bind(null, template.id)}
              idPrefix="new-item"
              aria-label={t('addItemTitle')}
              submitLabel={t('addItem')}
              resetOnSuccess
            />
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t('detailsTitle')}</h2>
            <TemplateForm
              action={updateTemplateAction.bind(null, template.id)}
              defaults={template}
              submitLabel={t('saveDetails')}
            />
          </Card>
        </div>
      ) : null}
    </>
  )
}
