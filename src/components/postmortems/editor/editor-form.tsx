'use client'

import { memo, Suspense, type KeyboardEvent, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { useTranslations } from '@/i18n/use-translations'
import { textOf, type TextField as LongTextField } from '@/lib/shared-document/postmortem-ydoc'
import { resolutionKinds, rootCauseCategories } from '@/server/postmortems/document-values'
import type { PostmortemDocument } from '@/server/postmortems/schemas'
import { severities } from '@/server/postmortems/severity'
import { ActionItemsEditor } from './action-items-editor'
import { FactorsField, type FactorOption } from './factors-field'
import { DateTimeField, NameListField, SelectField, TextField } from './fields'
import { HypothesesEditor } from './hypotheses-editor'
import { LessonsEditor, QuestionsEditor } from './notes-editor'
import { SharedTextField, type FieldComments } from './shared-text-field'
import { TimelineEditor } from './timeline-editor'
import type { Person, SectionProps } from './types'

const isUndo = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z'
const isRedo = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key === 'y')

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    // A boundary of its own: each section hydrates in a turn of its own, at low priority, and
    // one that someone clicks in goes first (React's selective hydration, decision 061). Its
    // heading inside it: React sends a large section after the rest of the page and shows it
    // when it has arrived, and a heading shown before its section was pushed down by it.
    <Suspense>
      {/* Rendered only near the screen (content-visibility): a keystroke lays out and paints
          the sections in view, not the fifty hypotheses and hundred timeline entries below.
          Its height only is given: a width would be the least the form's column can be. */}
      <section
        aria-labelledby={id}
        className="grid gap-4 border-t border-border pt-6 [contain-intrinsic-block-size:auto_40rem] [content-visibility:auto] [overflow-clip-margin:0.5rem] first-of-type:border-t-0 first-of-type:pt-0 print:[content-visibility:visible]"
      >
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </section>
    </Suspense>
  )
}

export type EditorFormProps = {
  number: number
  doc: PostmortemDocument
  errors: SectionProps['errors']
  change: (patch: Partial<PostmortemDocument>) => void
  commentOn?: SectionProps['commentOn']
  fieldComments: Partial<Record<LongTextField, FieldComments>>
  ydoc: Y.Doc
  /** The presence the long texts' cursors go to (none on the server). */
  awareness: Awareness | null
  undoManager: Y.UndoManager
  /** The shared state the page was rendered from (useSharedDocument). */
  rendered: Uint8Array
  people: Person[]
  launches: { id: string; name: string }[]
  tags: string[]
  services: string[]
  factors: FactorOption[]
  enterSection: (section: string | null) => void
}

/**
 * The postmortem's sections, as a form. Memoized: presence and the save state change the bar
 * above it many times as the editor opens, and a section not yet hydrated that saw an update
 * would be hydrated at once, in one long task (decision 061).
 */
export const EditorForm = memo(function EditorForm({
  number,
  doc,
  errors,
  change,
  commentOn,
  fieldComments,
  ydoc,
  awareness,
  undoManager,
  rendered,
  people,
  launches,
  tags,
  services,
  factors,
  enterSection,
}: EditorFormProps) {
  const t = useTranslations('PostmortemEditor')
  const enums = useTranslations('Enums')
  const id = (name: string) => `section-${name}`
  const section: SectionProps = { doc, change, errors, commentOn }
  const sharedText = (field: LongTextField) => ({
    text: textOf(ydoc, field),
    awareness,
    undoManager,
    rendered,
    comments: fieldComments[field],
  })
  return (
    <form
      className="grid min-w-0 gap-8"
      onSubmit={(e) => e.preventDefault()}
      onFocus={(e) => {
        const inSection = e.target.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby')
        enterSection(inSection?.replace(/^section-/, '') ?? null)
      }}
      onKeyDownCapture={(e) => {
        // Undo takes back this person's own changes, in every field alike. The long texts'
        // editors do it themselves, with the same undo history; their plain fields, until the
        // editors have loaded, keep the browser's own.
        if ((e.target as HTMLElement).closest('.cm-editor, [data-before-editor]')) return
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
    </form>
  )
})
