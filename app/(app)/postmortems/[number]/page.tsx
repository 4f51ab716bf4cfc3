import { Download, History, Pencil } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { PostmortemArticle } from '@/components/postmortems/postmortem-article'
import { PrintButton } from '@/components/postmortems/print-button'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { buttonVariants } from '@/components/ui/button'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/auth/roles'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'

async function load(params: PageProps<'/postmortems/[number]'>['params']) {
  const actor = await requireUser()
  const number = parsePostmortemNumber((await params).number)
  if (!number) notFound()
  const result = await getPostmortem({ actor, number })
  if (!result.ok) notFound()
  return { actor, view: result.data }
}

export async function generateMetadata({ params }: PageProps<'/postmortems/[number]'>): Promise<Metadata> {
  const { view } = await load(params)
  return { title: `${formatNumber(view.number)} · ${view.document.title}` }
}

export default async function PostmortemPage({ params }: PageProps<'/postmortems/[number]'>) {
  const { actor, view } = await load(params)
  const [t, format] = await Promise.all([getTranslations('PostmortemPage'), getFormatter()])
  const link = buttonVariants({ variant: 'ghost', size: 'sm' })
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
        <h1 className="text-2xl font-semibold tracking-tight break-words">{view.document.title}</h1>
        <p className="text-xs text-muted-foreground">
          {t('updatedBy', {
            name: view.updatedBy ?? '—',
            date: format.dateTime(view.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
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
      <PostmortemArticle view={view} />
    </>
  )
}
