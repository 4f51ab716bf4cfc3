'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
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
import { resolutionKinds, rootCauseCategories } from '@/server/postmortems/document-values'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { severities } from '@/server/postmortems/severity'
import { Button } from '@/components/ui/button'
import type { FormAction } from '../comments/comment-form'
import type { Highlight } from '../comments/comment-highlights'
import type { ThreadActions } from '../comments/comment-threads'
import { CommentsPanel, type DraftThread } from '../comments/comments-panel'
import { ActionItemsEditor } from './action-items-editor'
import { DateTimeField, NameListField, SelectField, TextField, useErrorText } from './fields'
import { HypothesesEditor } from './hypotheses-editor'
import { LessonsEditor, QuestionsEditor } from './notes-editor'
import { PresenceBar } from '../presence-bar'
import { SaveStatus } from './save-status'
import { SharedTextField, type FieldComments } from './shared-text-field'
import { SimilarIncidents } from './similar-incidents'
import { EntriesReady, entryOf, firstFieldOf } from './list-editor'
import { TimelineEditor } from './timeline-editor'
import type { Person, SectionProps } from './types'
import { FactorsField, type FactorOption } from './factors-field'
import { useSharedDocument, type EditorStart, type SaveState } from './use-shared-document'

export type PostmortemEditorProps = {
  number: number
  /** The postmortem's id: this browser's copy of the shared document is kept under it. */
  postmortemId: string
  /** The person editing (their name and colour beside their cursor). */
  user: { id: string; name: string }
  /**
   * The shared document as the server stores it, when it has one: the editor starts from it and
   * takes typing before its socket has connected. Else the server's copy of the postmortem.
   */
  start: EditorStart
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

const isUndo = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z'
const isRedo = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key === 'y')

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="grid gap-4 border-t border-border pt-6 first:border-t-0 first:pt-0"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

/** The whole retro on one page, in the order it is written; saves itself as you type. */
export function PostmortemEditor({
  number,
  postmortemId,
  user,
  start,
  people,
  launches,
  tags,
  services,
  factors,
  actions,
  comments,
}: PostmortemEditorProps) {
  const t = useTranslations('PostmortemEditor')
  const enums = useTranslations('Enums')
  const errorText = useErrorText()
  const shared = useSharedDocument({
    number,
    postmortemId,
    start,
    user,
  })
  const { doc, ydoc, awareness, undoManager, loaded, state } = shared
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
  const id = (name: string) => `section-${name}`

  // "Wait until saved" before a workflow step reads the saved postmortem.
  const [saving] = useState(() => new SaveWatch())
  useEffect(() => saving.set(state), [saving, state])
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
  const section: SectionProps = { doc, change, errors, commentOn: hasComments ? commentOn : undefined }
  const fieldLabel = (field: CommentField) =>
    isListTextField(field) ? t('listEntryLabel') : t(`${field}Label`)

  const sharedText = (field: LongTextField) => ({
    text: textOf(ydoc, field),
    awareness: loaded ? awareness : null,
    undoManager,
    readOnly: false,
    comments: fieldComments[field],
  })

  return (
    <div className="grid gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-background/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8 print:hidden">
        <div className="flex flex-wrap items-center gap-4">
          <SaveStatus state={state} />
          <PresenceBar people={shared.people} />
        </div>
        {actions?.({ flush, clean: state === 'saved' })}
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
        <form
          className="grid min-w-0 gap-8"
          onSubmit={(e) => e.preventDefault()}
          onFocus={(e) => {
            const inSection = e.target.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby')
            shared.enterSection(inSection?.replace(/^section-/, '') ?? null)
          }}
          onKeyDownCapture={(e) => {
            // Undo takes back this person's own changes, in every field alike (the long texts'
            // editors do it themselves, with the same undo history).
            if ((e.target as HTMLElement).closest('.cm-editor')) return
            if (isRedo(e)) {
              e.preventDefault()
              undoManager.redo()
            } else if (isUndo(e)) {
              e.preventDefault()
              undoManager.undo()
            }
          }}
          aria-label={t('editTitle', { number: `PM-${number}` })}
        >
          <fieldset disabled={!loaded} className="contents">
            <EntriesReady value={loaded}>
              <Section id={id('what')} title={t('sectionWhat')}>
                <TextField
                  id="pm-title"
                  label={t('titleLabel')}
                  value={doc.title}
                  maxLength={200}
                  error={errors.title}
                  onChange={(title) => change({ title })}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    id="pm-severity"
                    label={t('severityLabel')}
                    value={doc.severity}
                    empty={t('none')}
                    options={severities.map((value) => ({ value, label: enums(`severity.${value}`) }))}
                    onChange={(severity) => change({ severity })}
                  />
                  <SelectField
                    id="pm-launch"
                    label={t('launchLabel')}
                    value={doc.launchId}
                    empty={t('none')}
                    options={launches.map((l) => ({ value: l.id, label: l.name }))}
                    error={errors.launchId}
                    onChange={(launchId) => change({ launchId })}
                  />
                </div>
                <div className="grid gap-4 sm:grid-cols-3">
                  {(['occurredAt', 'detectedAt', 'resolvedAt'] as const).map((field) => (
                    <DateTimeField
                      key={field}
                      id={`pm-${field}`}
                      label={t(`${field}Label`)}
                      value={doc[field]}
                      error={errors[field]}
                      onChange={(value) => change({ [field]: value })}
                    />
                  ))}
                </div>
                <SharedTextField
                  id="pm-symptom"
                  label={t('symptomLabel')}
                  hint={t('symptomHint')}
                  error={errors.symptom}
                  {...sharedText('symptom')}
                />
                <SharedTextField
                  id="pm-detection"
                  label={t('detectionLabel')}
                  hint={t('detectionHint')}
                  rows={2}
                  error={errors.detection}
                  {...sharedText('detection')}
                />
                <SharedTextField
                  id="pm-impact"
                  label={t('impactLabel')}
                  rows={2}
                  error={errors.impact}
                  {...sharedText('impact')}
                />
                <SharedTextField
                  id="pm-summary"
                  label={t('summaryLabel')}
                  rows={2}
                  error={errors.summary}
                  {...sharedText('summary')}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <NameListField
                    id="pm-tags"
                    label={t('tagsLabel')}
                    value={doc.tags}
                    suggestions={tags}
                    error={errors.tags}
                    onChange={(value) => change({ tags: value })}
                  />
                  <NameListField
                    id="pm-services"
                    label={t('servicesLabel')}
                    value={doc.services}
                    suggestions={services}
                    error={errors.services}
                    onChange={(value) => change({ services: value })}
                  />
                </div>
              </Section>

              <Section id={id('investigation')} title={t('sectionInvestigation')}>
                <HypothesesEditor {...section} />
                <TimelineEditor {...section} />
              </Section>

              <Section id={id('root-cause')} title={t('sectionRootCause')}>
                <SharedTextField
                  id="pm-rootCause"
                  label={t('rootCauseLabel')}
                  error={errors.rootCause}
                  {...sharedText('rootCause')}
                />
                <SelectField
                  id="pm-rootCauseCategory"
                  label={t('categoryLabel')}
                  value={doc.rootCauseCategory}
                  empty={t('none')}
                  options={rootCauseCategories.map((value) => ({
                    value,
                    label: enums(`rootCause.${value}`),
                  }))}
                  className="sm:max-w-xs"
                  onChange={(rootCauseCategory) => change({ rootCauseCategory })}
                />
                <FactorsField
                  value={doc.factors}
                  factors={factors}
                  error={errors.factors}
                  onChange={(value) => change({ factors: value })}
                />
              </Section>

              <Section id={id('resolution')} title={t('sectionResolution')}>
                <SharedTextField
                  id="pm-resolution"
                  label={t('resolutionLabel')}
                  error={errors.resolution}
                  {...sharedText('resolution')}
                />
                <SelectField
                  id="pm-resolutionKind"
                  label={t('resolutionKindLabel')}
                  value={doc.resolutionKind}
                  empty={t('none')}
                  options={resolutionKinds.map((value) => ({ value, label: enums(`resolution.${value}`) }))}
                  className="sm:max-w-xs"
                  onChange={(resolutionKind) => change({ resolutionKind })}
                />
                <SharedTextField
                  id="pm-verification"
                  label={t('verificationLabel')}
                  error={errors.verification}
                  {...sharedText('verification')}
                />
                <fieldset className="grid gap-3">
                  <legend className="mb-2 text-sm font-medium">{t('metricLabel')}</legend>
                  <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
                    {(['label', 'before', 'after'] as const).map((part) => (
                      <TextField
                        key={part}
                        id={`pm-metric-${part}`}
                        label={t(
                          part === 'label'
                            ? 'metricNameLabel'
                            : part === 'before'
                              ? 'metricBeforeLabel'
                              : 'metricAfterLabel',
                        )}
                        value={doc.metric?.[part] ?? ''}
                        maxLength={part === 'label' ? 200 : 100}
                        error={errors[`metric.${part}`]}
                        onChange={(value) => {
                          const metric = { label: '', before: '', after: '', ...doc.metric, [part]: value }
                          change({ metric: metric.label || metric.before || metric.after ? metric : null })
                        }}
                      />
                    ))}
                  </div>
                </fieldset>
              </Section>

              <Section id={id('questions')} title={t('sectionQuestions')}>
                <QuestionsEditor {...section} />
              </Section>
              <Section id={id('lessons')} title={t('sectionLessons')}>
                <LessonsEditor {...section} />
              </Section>
              <Section id={id('actions')} title={t('sectionActions')}>
                <ActionItemsEditor {...section} people={people} />
              </Section>
            </EntriesReady>
          </fieldset>
        </form>
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
