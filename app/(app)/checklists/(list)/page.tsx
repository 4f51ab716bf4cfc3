import { ClipboardCheck } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { TemplateForm } from '@/components/checklists/template-form'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findTemplates } from '@/server/checklists/find-templates'
import { createTemplateAction } from '../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ChecklistsPage'))('title') }
}

export default async function ChecklistsPage({ searchParams }: PageProps<'/checklists'>) {
  const actor = await requireUser()
  const showArchived = (await searchParams).archived === '1'
  const [t, format, templates] = await Promise.all([
    getTranslations('ChecklistsPage'),
    getFormatter(),
    findTemplates({ actor, includeArchived: showArchived }),
  ])
  const canEdit = hasRole(actor, 'EDITOR')
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link
            href={showArchived ? '/checklists' : '/checklists?archived=1'}
            className="text-sm text-primary"
          >
            {showArchived ? t('hideArchived') : t('showArchived')}
          </Link>
        }
      />
      <div className="grid gap-8">
        {templates.length ? (
          <ul className="grid gap-2" aria-label={t('title')}>
            {templates.map((template) => (
              <li key={template.id}>
                <Link
                  href={`/checklists/${template.id}`}
                  className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30"
                >
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span>{t('itemCount', { count: template.items })}</span>
                    <span>{t('version', { version: template.version })}</span>
                    <span>{format.relativeTime(template.updatedAt)}</span>
                    {template.archivedAt ? <Badge>{t('archived')}</Badge> : null}
                  </span>
                  <span className="font-medium break-words">{template.name}</span>
                  {template.description ? (
                    <span className="line-clamp-2 text-sm text-muted-foreground">{template.description}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <Empty icon={ClipboardCheck} title={t('emptyTitle')} description={t('emptyDescription')} />
        )}
        {canEdit ? (
          <Card className="max-w-2xl">
            <h2 className="mb-3 text-base font-semibold">{t('newTitle')}</h2>
            <TemplateForm action={createTemplateAction} submitLabel={t('create')} />
          </Card>
        ) : null}
      </div>
    </>
  )
}
