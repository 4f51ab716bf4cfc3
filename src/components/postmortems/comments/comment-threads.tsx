'use client'

import { CheckCircle2, RotateCcw } from 'lucide-react'
import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { useRef, useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { LazyMarkdown as Markdown } from '@/components/ui/lazy-markdown'
import type { FormState } from '@/lib/form-state'
import type { CommentField } from '@/server/comments/schemas'
import type { ThreadView } from '@/server/comments/thread-view'
import { CommentForm, type FormAction, type Person } from './comment-form'

export type ThreadActions = {
  reply: (threadId: string) => FormAction
  resolve: (threadId: string, resolved: boolean) => Promise<FormState>
}

export type CommentThreadsProps = ThreadActions & {
  threads: ThreadView[]
  people: Person[]
  /** Editors and admins reply and resolve; viewers read. */
  canComment: boolean
  fieldLabel: (field: CommentField) => string
  /** True when a thread's passage is no longer in its field (the editor knows; pages do not). */
  detached?: (thread: ThreadView) => boolean
  /** The language the postmortem is written in, for the quotes. */
  lang?: string
}

/**
 * A postmortem's threads, grouped by the field they are about (in the order of `threads`),
 * open ones first; resolved ones folded under each field.
 */
export function CommentThreads({ threads, fieldLabel, ...props }: CommentThreadsProps) {
  const t = useTranslations('Comments')
  const fields = [...new Set(threads.map((th) => th.field))]
  if (!threads.length) return <p className="text-sm text-muted-foreground">{t('none')}</p>
  return (
    <div className="grid gap-4">
      {fields.map((field) => {
        const ofField = threads.filter((th) => th.field === field)
        const open = ofField.filter((th) => !th.resolvedAt)
        const resolved = ofField.filter((th) => th.resolvedAt)
        return (
          <section key={field} aria-label={fieldLabel(field)} className="grid gap-2">
            <h3 className="text-sm font-semibold">{fieldLabel(field)}</h3>
            <ul className="grid gap-2">
              {open.map((thread) => (
                <Thread key={thread.id} thread={thread} {...props} />
              ))}
            </ul>
            {resolved.length ? (
              <details className="rounded-md border border-border px-2 py-1">
                <summary className="cursor-pointer text-xs text-muted-foreground">
                  {t('resolvedCount', { count: resolved.length })}
                </summary>
                <ul className="mt-2 grid gap-2">
                  {resolved.map((thread) => (
                    <Thread key={thread.id} thread={thread} {...props} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}

function Thread({
  thread,
  people,
  canComment,
  reply,
  resolve,
  detached,
  lang,
}: Omit<CommentThreadsProps, 'threads' | 'fieldLabel'> & { thread: ThreadView }) {
  const t = useTranslations('Comments')
  const format = useFormatter()
  const [pending, start] = useTransition()
  const [error, setError] = useState<string>()
  const heading = useRef<HTMLQuoteElement>(null)
  const gone = detached?.(thread) ?? false
  const toggle = () =>
    start(async () => {
      const state = await resolve(thread.id, !thread.resolvedAt)
      setError(state.formError)
      // The thread moves (into or out of the folded list): keep the focus on it.
      if (state.status === 'success') requestAnimationFrame(() => heading.current?.focus())
    })
  return (
    <li
      id={`thread-${thread.id}`}
      aria-label={t('threadLabel', { quote: thread.quote })}
      className="grid gap-2 rounded-md border border-border bg-card p-3 text-sm"
    >
      <blockquote
        ref={heading}
        tabIndex={-1}
        lang={lang}
        className="border-l-2 border-warning pl-2 text-xs break-words text-muted-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {thread.quote}
      </blockquote>
      {gone ? <p className="text-xs text-muted-foreground">{t('passageGone')}</p> : null}
      <ol className="grid gap-2">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="grid gap-0.5">
            <p className="text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{comment.author?.name ?? t('formerMember')}</span>{' '}
              <time dateTime={new Date(comment.createdAt).toISOString()}>
                {format.dateTime(new Date(comment.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            <Markdown>{comment.body}</Markdown>
          </li>
        ))}
      </ol>
      {thread.resolvedAt ? (
        <p className="text-xs text-muted-foreground">
          {t('resolvedBy', { name: thread.resolvedBy?.name ?? t('formerMember') })}
        </p>
      ) : null}
      <FormError message={error} />
      {canComment ? (
        <div className="grid gap-2">
          {!thread.resolvedAt ? (
            <CommentForm
              label={t('replyLabel')}
              submit={t('reply')}
              action={reply(thread.id)}
              people={people}
            />
          ) : null}
          <div>
            <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={toggle}>
              {thread.resolvedAt ? <RotateCcw aria-hidden /> : <CheckCircle2 aria-hidden />}
              {thread.resolvedAt ? t('reopen') : t('resolve')}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  )
}
