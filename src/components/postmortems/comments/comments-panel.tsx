'use client'

import { useTranslations } from '@/i18n/use-translations'
import { Button } from '@/components/ui/button'
import { CommentForm, type FormAction } from './comment-form'
import { CommentThreads, type CommentThreadsProps } from './comment-threads'

/** A passage chosen for a new thread, with its anchor as the server stores it. */
export type DraftThread = {
  field: CommentThreadsProps['threads'][number]['field']
  itemId: string | null
  anchorStart: string
  anchorEnd: string
  quote: string
}

/**
 * The editor's side panel: the form of a new thread on the selected passage, then every
 * thread by field (decision 024).
 */
export function CommentsPanel({
  draft,
  createThread,
  onDraftDone,
  ...threads
}: CommentThreadsProps & {
  draft: DraftThread | null
  createThread: FormAction
  /** The new thread was saved or cancelled. */
  onDraftDone: () => void
}) {
  const t = useTranslations('Comments')
  const open = threads.threads.filter((th) => !th.resolvedAt).length
  return (
    <section aria-labelledby="comments-title" className="grid gap-3">
      <h2 id="comments-title" tabIndex={-1} className="text-base font-semibold outline-none">
        {t('title', { count: open })}
      </h2>
      {draft ? (
        <div className="grid gap-2 rounded-md border border-primary/40 bg-card p-3">
          <p className="text-xs text-muted-foreground">
            {t('newThreadOn', { field: threads.fieldLabel(draft.field) })}
          </p>
          <blockquote lang={threads.lang} className="border-l-2 border-warning pl-2 text-xs break-words">
            {draft.quote}
          </blockquote>
          <CommentForm
            // A new passage starts a new form.
            key={`${draft.field}:${draft.anchorStart}`}
            label={t('commentLabel')}
            submit={t('comment')}
            action={createThread}
            people={threads.people}
            hidden={{
              field: draft.field,
              itemId: draft.itemId ?? '',
              anchorStart: draft.anchorStart,
              anchorEnd: draft.anchorEnd,
              quote: draft.quote,
            }}
            autoFocus
            onDone={onDraftDone}
          >
            <Button type="button" variant="ghost" size="sm" onClick={onDraftDone}>
              {t('cancel')}
            </Button>
          </CommentForm>
        </div>
      ) : null}
      <CommentThreads {...threads} />
    </section>
  )
}
