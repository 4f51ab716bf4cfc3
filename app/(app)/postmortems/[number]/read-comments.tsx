'use client'

import { useTranslations } from '@/i18n/use-translations'
import { CommentThreads } from '@/components/postmortems/comments/comment-threads'
import type { Person } from '@/components/postmortems/comments/comment-form'
import type { CommentField } from '@/server/comments/schemas'
import type { ThreadView } from '@/server/comments/thread-view'
import { replyToThreadAction, resolveThreadAction } from '../comment-actions'

/** The read page's threads: read by everyone, answered and resolved by editors (decision 024). */
export function ReadComments({
  number,
  threads,
  people,
  canComment,
  labels,
  lang,
}: {
  number: number
  threads: ThreadView[]
  people: Person[]
  canComment: boolean
  /** Each field's name, by field (list entries under "list"). */
  labels: Record<string, string>
  lang?: string
}) {
  const t = useTranslations('Comments')
  const open = threads.filter((th) => !th.resolvedAt).length
  return (
    <section
      aria-labelledby="comments-title"
      className="mt-10 grid gap-3 border-t border-border pt-6 print:hidden"
    >
      <h2 id="comments-title" tabIndex={-1} className="text-lg font-semibold outline-none">
        {t('title', { count: open })}
      </h2>
      <CommentThreads
        threads={threads}
        people={people}
        canComment={canComment}
        lang={lang}
        fieldLabel={(field: CommentField) => labels[field] ?? labels.list ?? field}
        reply={(threadId) => replyToThreadAction.bind(null, number, threadId)}
        resolve={(threadId, resolved) => resolveThreadAction(number, threadId, resolved)}
      />
    </section>
  )
}
