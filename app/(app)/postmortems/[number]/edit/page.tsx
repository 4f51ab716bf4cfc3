import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { PostmortemEditorShell } from './postmortem-editor-shell'
import { requireUser } from '@/server/auth/current-user'
import { readSharedState } from '@/server/collab/read-shared-state'
import { findThreads } from '@/server/comments/find-threads'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'
import { findPeople } from '@/server/users/find-people'

export async function generateMetadata({
  params,
}: PageProps<'/postmortems/[number]/edit'>): Promise<Metadata> {
  const t = await getTranslations('PostmortemEditor')
  return {
    title: t('editTitle', { number: formatNumber(parsePostmortemNumber((await params).number) ?? 0) }),
  }
}

export default async function EditPostmortemPage({ params }: PageProps<'/postmortems/[number]/edit'>) {
  const actor = await requireUser('EDITOR')
  const number = parsePostmortemNumber((await params).number)
  if (!number) notFound()
  const [result, people, taxonomy, t, threads, sharedState] = await Promise.all([
    getPostmortem({ actor, number }),
    findPeople({ actor }),
    findTaxonomy({ actor }),
    getTranslations('PostmortemEditor'),
    findThreads({ actor, number }),
    readSharedState({ actor, number }),
  ])
  if (!result.ok || !sharedState) notFound()
  const pm = result.data
  return (
    <>
      {/* The page's one h1; the editor's sections are h2. */}
      <h1 className="mb-1 font-mono text-sm text-muted-foreground">
        {t('editTitle', { number: formatNumber(number) })}
      </h1>
      <PostmortemEditorShell
        // A status change remounts the editor (its workflow buttons change with it).
        key={pm.status}
        number={number}
        postmortemId={pm.id}
        user={{ id: actor.id, name: actor.name }}
        status={pm.status}
        sharedState={Buffer.from(sharedState).toString('base64')}
        people={people}
        launches={taxonomy.launches}
        tags={taxonomy.tags}
        services={taxonomy.services}
        factors={taxonomy.factors}
        threads={threads.ok ? threads.data : []}
      />
    </>
  )
}
