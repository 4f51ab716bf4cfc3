'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { encodeAnchors, passageRange, textOfAnchor } from '@/lib/shared-document/comment-anchors'
import {
  itemFields,
  listFields,
  readDocument,
  type ListField,
  textFields,
  textOf,
  type TextField as LongTextField,
} from '@/lib/shared-document/postmortem-ydoc'
import { COMMENT_LIMITS, isListTextField, type CommentField } from '@/server/comments/comment-fields'
import type { ThreadView } from '@/server/comments/thread-view'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { Button } from '@/components/ui/button'
import type { FormAction } from '../comments/comment-form'
import type { Highlight } from '../comments/comment-highlights'
import type { ThreadActions } from '../comments/comment-threads'
import { CommentsPanel, type DraftThread } from '../comments/comments-panel'
import { useErrorText } from './fields'
import { PresenceBar } from '../presence-bar'
import { SaveStatus } from './save-status'
import type { FieldComments } from './shared-text-field'
import { SimilarIncidents } from './similar-incidents'
import { EditorForm } from './editor-form'
import { entryOf, firstFieldOf } from './list-editor'
import type { Person } from './types'
import type { FactorOption } from './factors-field'
import { useSaveState, useSharedDocument, type SaveProgress, type SaveState } from './use-shared-document'

export type PostmortemEditorProps = {
  number: number
  /** The postmortem's id: this browser's copy of the shared document is kept under it. */
  postmortemId: string
  /** The person editing (their name and colour beside their cursor). */
  user: { id: string; name: string }
  /**
   * The shared document as the server stores it (a Yjs update, base64): the editor starts from
   * it and takes typing before its socket has connected.
   */
  sharedState: string
  people: Person[]
  launches: { id: string; name: string }[]
  tags: string[]
  services: string[]
  /** The contributing-factor taxonomy (archived factors too: a postmortem may still carry one). */
  factors: FactorOption[]
  /** Header content rendered next to the save state (status, workflow buttons). */
  actions?: (ctx: { flush: () => Promise<void>; clean: boolean }) => ReactNode
  /** Comment threads on the long texts, and how to start, answer and resolve them (decision 024). */
  comments?: EditorComments
}

export type EditorComments = ThreadActions & { threads: ThreadView[]; createThread: FormAction }

/** How long "wait until saved" waits before going on anyway (the server saves what it holds). */
const FLUSH_TIMEOUT_MS = 10_000

/** The save state, for code that waits for it outside rendering. */
class SaveWatch {
  private state: SaveState = 'connecting'
  private waiting = new Set<() => void>()
  set(state: SaveState) {
    this.state = state
    if (this.isSettled()) for (const resolve of this.waiting) resolve()
  }
  private isSettled() {
    return this.state === 'saved' || this.state === 'invalid'
  }
  /** Resolves once everything is saved (or cannot be until the person fixes a field), or after `ms`. */
  settled(ms: number) {
    if (this.isSettled()) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.waiting.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.waiting.add(done)
    })
  }
}

/** The workflow buttons, told whether everything is saved (the save state changes as people type). */
function HeaderActions({
  save,
  saving,
  flush,
  actions,
}: {
  save: SaveProgress
  saving: SaveWatch
  flush: () => Promise<void>
  actions: PostmortemEditorProps['actions']
}) {
  const state = useSaveState(save)
  useEffect(() => saving.set(state), [saving, state])
  return actions?.({ flush, clean: state === 'saved' })
}

/** The whole retro on one page, in the order it is written; saves itself as you type. */
export function PostmortemEditor({
  number,
  postmortemId,
  user,
  sharedState,
  people,
  launches,
  tags,
  services,
  factors,
  actions,
  comments,
}: PostmortemEditorProps) {
  const t = useTranslations('PostmortemEditor')
  const errorText = useErrorText()
  const shared = useSharedDocument({
    number,
    postmortemId,
    sharedState,
    user,
  })
  const { doc, ydoc, awareness, undoManager } = shared
  const errors = useMemo(
    () =>
      Object.fromEntries(Object.entries(shared.fieldErrors).map(([key, value]) => [key, errorText(value)])),
    [shared.fieldErrors, errorText],
  )
  // A removed entry is one Undo away ("Removed · Undo"), instead of a confirm dialog: the id
  // of the entry removed last, while the bar offers it back.
  const [removed, setRemoved] = useState<string | null>(null)
  // Once Undo brought an entry back, the keyboard focus goes to its first field (the Undo
  // button it was on has gone with the bar).
  const restored = useRef<string | null>(null)
  useEffect(() => {
    if (!restored.current) return
    const field = firstFieldOf(entryOf(window.document, restored.current))
    if (!field) return
    field.focus()
    restored.current = null
  }, [doc])
  const applyChange = shared.change
  // One function for the whole session (the sections skip re-rendering while it stays the
  // same): it reads the shared document as it is now, not as this render saw it.
  const change = useCallback(
    (patch: Partial<PostmortemDocument>) => {
      const current = readDocument(ydoc)
      const gone = listFields.flatMap((list) =>
        patch[list] ? current[list].filter((item) => !patch[list]!.some((kept) => kept.id === item.id)) : [],
      )
      // Its own undo step, not merged with the typing just before it.
      if (gone.length) undoManager.stopCapturing()
      applyChange({ ...current, ...patch })
      if (gone.length) undoManager.stopCapturing()
      setRemoved(gone[0]?.id ?? null)
    },
    [ydoc, undoManager, applyChange],
  )

  // "Wait until saved" before a workflow step reads the saved postmortem.
  const [saving] = useState(() => new SaveWatch())
  const flush = useCallback(() => saving.settled(FLUSH_TIMEOUT_MS), [saving])

  // A thread being started on a selected passage, shown in the side panel's form.
  const [draft, setDraft] = useState<DraftThread | null>(null)
  const threads = comments?.threads
  const hasComments = Boolean(comments)
  // One marker function per field, kept while the threads stay the same (the editors re-mark
  // on each text change themselves).
  const highlights = useMemo(() => {
    const open = (threads ?? []).filter((th) => !th.resolvedAt)
    return (field: LongTextField) => (): Highlight[] =>
      open
        .filter((th) => th.field === field)
        .flatMap((th) => {
          const range = passageRange(ydoc, th)
          return range ? [{ id: th.id, ...range }] : []
        })
  }, [threads, ydoc])
  // The same object for a field from render to render (its editor skips re-rendering).
  const fieldComments = useMemo(
    (): Partial<Record<LongTextField, FieldComments>> =>
      hasComments
        ? Object.fromEntries(
            textFields.map((field) => [
              field,
              {
                highlights: highlights(field),
                onComment: ({ from, to, quote }: { from: number; to: number; quote: string }) =>
                  setDraft({
                    field,
                    itemId: null,
                    ...encodeAnchors(textOf(ydoc, field), from, to),
                    quote: quote.slice(0, COMMENT_LIMITS.quote),
                  }),
              },
            ]),
          )
        : {},
    [hasComments, highlights, ydoc],
  )
  // A thread on a list entry as a whole: its first text that says something (a hypothesis's
  // statement, else its evidence), anchored from its start to its end.
  const commentOn = useCallback(
    (list: ListField, itemId: string) => {
      const anchored = itemFields[list].texts
        .map((key) => ({ field: `${list}.${key}` as CommentField, itemId }))
        .map((anchor) => ({ anchor, text: textOfAnchor(ydoc, anchor) }))
        .find(({ text }) => text?.length)
      if (!anchored?.text) return
      const { anchor, text } = anchored
      setDraft({
        ...anchor,
        ...encodeAnchors(text, 0, text.length),
        quote: text.toString().slice(0, COMMENT_LIMITS.quote),
      })
    },
    [ydoc],
  )
  const fieldLabel = (field: CommentField) =>
    isListTextField(field) ? t('listEntryLabel') : t(`${field}Label`)

  return (
    <div className="grid gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-background/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8 print:hidden">
        <div className="flex flex-wrap items-center gap-4">
          <SaveStatus save={shared.save} />
          <PresenceBar people={shared.people} />
        </div>
        <HeaderActions save={shared.save} saving={saving} flush={flush} actions={actions} />
      </div>

      {removed ? (
        // The list announces the removal itself (politely); this bar offers the way back.
        <div className="flex items-center gap-3 rounded-md bg-muted px-3 py-2 text-sm">
          <span>{t('removed')}</span>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => {
              restored.current = removed
              undoManager.undo()
              setRemoved(null)
            }}
          >
            {t('undo')}
          </Button>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <EditorForm
          number={number}
          doc={doc}
          errors={errors}
          change={change}
          commentOn={hasComments ? commentOn : undefined}
          fieldComments={fieldComments}
          ydoc={ydoc}
          awareness={awareness}
          undoManager={undoManager}
          rendered={shared.rendered}
          people={people}
          launches={launches}
          tags={tags}
          services={services}
          factors={factors}
          enterSection={shared.enterSection}
        />
        <div className="grid gap-6 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto print:hidden">
          {comments ? (
            <CommentsPanel
              threads={comments.threads}
              people={people}
              canComment
              reply={comments.reply}
              resolve={comments.resolve}
              createThread={comments.createThread}
              fieldLabel={fieldLabel}
              detached={(thread) => passageRange(ydoc, thread) === null}
              draft={draft}
              onDraftDone={() => {
                setDraft(null)
                // The form is gone: the focus goes to the panel's heading, the new thread below it.
                requestAnimationFrame(() => window.document.getElementById('comments-title')?.focus())
              }}
            />
          ) : null}
          <SimilarIncidents text={`${doc.title}\n${doc.symptom}\n${doc.rootCause}`} exclude={number} />
        </div>
      </div>
    </div>
  )
}
