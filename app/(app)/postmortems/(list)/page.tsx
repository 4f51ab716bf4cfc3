import { BookOpen, FileUp, Plus, Sparkles } from 'lucide-react'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { ActionButton } from '@/components/forms/action-button'
import { PostmortemFilters } from '@/components/postmortems/postmortem-filters'
import { PostmortemList } from '@/components/postmortems/postmortem-list'
import { buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { ClientMessages } from '@/i18n/client-messages'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findPostmortems, findTaxonomy } from '@/server/postmortems/find-postmortems'
import { findPostmortemsInput } from '@/server/postmortems/schemas'
import { loadDemoAction } from '../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PostmortemsPage'))('title') }
}

export default async function PostmortemsPage({ searchParams }: PageProps<'/postmortems'>) {
  const actor = await requireUser()
  const input = findPostmortemsInput.parse(await searchParams)
  const [t, page, taxonomy] = await Promise.all([
    getTranslations('PostmortemsPage'),
    findPostmortems({ actor, input }),
    findTaxonomy({ actor }),
  ])
  const editor = hasRole(actor, 'EDITOR')
  const filtered = Boolean(
    input.status ||
    input.severity ||
    input.launch ||
    input.tag ||
    input.service ||
    input.category ||
    input.factor ||
    input.from ||
    input.to ||
    input.cursor,
  )
  const newButton = editor ? (
    <div className="flex flex-wrap gap-2">
      <Link href="/imports" className={buttonVariants({ variant: 'secondary' })}>
        <FileUp aria-hidden />
        {t('importButton')}
      </Link>
      <Link href="/postmortems/new" className={buttonVariants()}>
        <Plus aria-hidden />
        {t('newButton')}
      </Link>
    </div>
  ) : null

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={page.items.length || filtered ? newButton : null}
      />
      {page.items.length || filtered ? (
        <PostmortemFilters input={input} taxonomy={taxonomy} showStatus={editor} />
      ) : null}
      {page.items.length ? (
        <ClientMessages namespaces={['PostmortemsPage', 'Enums']}>
          <PostmortemList items={page.items} input={input} nextCursor={page.nextCursor} now={new Date()} />
        </ClientMessages>
      ) : filtered ? (
        <Empty
          icon={BookOpen}
          title={t('emptyFilteredTitle')}
          description={t('emptyFilteredDescription')}
          action={
            <Link href="/postmortems" className={buttonVariants({ variant: 'secondary' })}>
              {t('clearFilters')}
            </Link>
          }
        />
      ) : (
        <Empty
          icon={BookOpen}
          title={t('emptyTitle')}
          description={editor ? t('emptyDescription') : t('emptyViewerDescription')}
          action={
            editor ? (
              <div className="grid justify-items-center gap-3">
                {newButton}
                <div className="grid justify-items-center gap-1">
                  <ActionButton
                    action={loadDemoAction}
                    variant="ghost"
                    pendingLabel={t('demoLoading')}
                    className="grid justify-items-center gap-2"
                  >
                    <Sparkles aria-hidden />
                    {t('demoButton')}
                  </ActionButton>
                  <p className="max-w-md text-xs text-muted-foreground">{t('demoHint')}</p>
                </div>
              </div>
            ) : null
          }
        />
      )}
    </>
  )
}
