import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { LessonItemForm } from '@/components/checklists/lesson-item-form'
import { Card } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { decodeRouteParam } from '@/lib/route-param'
import { requireUser } from '@/server/auth/current-user'
import { getLessonDraft } from '@/server/checklists/get-lesson-draft'
import { findTemplates } from '@/server/checklists/find-templates'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'
import { lessonItemAction } from '../../../../checklists/actions'

type Props = PageProps<'/postmortems/[number]/lessons/[lessonId]'>

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LessonItemPage'))('title') }
}

export default async function LessonItemPage({ params }: Props) {
  const actor = await requireUser('EDITOR')
  const { number: raw, lessonId: rawLessonId } = await params
  const number = parsePostmortemNumber(raw)
  const lessonId = decodeRouteParam(rawLessonId)
  if (!number || lessonId === null) notFound()
  const [draft, templates, t] = await Promise.all([
    getLessonDraft({ actor, number, lessonId }),
    findTemplates({ actor }),
    getTranslations('LessonItemPage'),
  ])
  if (!draft.ok) notFound()
  const { postmortem } = draft.data
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', {
          postmortem: `${formatNumber(postmortem.number)} · ${postmortem.title}`,
        })}
      />
      <Card className="max-w-2xl">
        {draft.data.items.length ? (
          <div className="grid gap-2 text-sm">
            <p>{t('alreadyItem')}</p>
            <ul className="grid gap-1">
              {draft.data.items.map((item) => (
                <li key={item.id}>
                  <Link href={`/checklists/${item.template.id}`} className="text-primary hover:underline">
                    {t('itemIn', { template: item.template.name, text: item.text })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : templates.length ? (
          <LessonItemForm
            action={lessonItemAction.bind(null, number, lessonId)}
            templates={templates}
            defaults={draft.data}
          />
        ) : (
          <p className="text-sm">
            {t('noTemplates')}{' '}
            <Link href="/checklists" className="text-primary underline underline-offset-2">
              {t('createTemplate')}
            </Link>
          </p>
        )}
      </Card>
    </>
  )
}
