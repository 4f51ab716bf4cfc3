'use client'

import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import {
  rootCauseCategories,
  resolutionKinds,
  severities,
  type PostmortemDocument,
} from '@/server/postmortems/schemas'
import { ActionItemsEditor } from './action-items-editor'
import { ConflictView } from './conflict-view'
import { DateTimeField, MarkdownField, NameListField, SelectField, TextField, useErrorText } from './fields'
import { HypothesesEditor } from './hypotheses-editor'
import { LessonsEditor, QuestionsEditor } from './notes-editor'
import { SaveStatus } from './save-status'
import { SimilarIncidents } from './similar-incidents'
import { TimelineEditor } from './timeline-editor'
import type { Person, SectionProps } from './types'
import { useAutosave } from './use-autosave'

export type PostmortemEditorProps = {
  number: number
  version: number
  document: PostmortemDocument
  people: Person[]
  launches: { id: string; name: string }[]
  tags: string[]
  services: string[]
  /** Header content rendered next to the save state (status, workflow buttons). */
  actions?: (ctx: { flush: () => Promise<void>; clean: boolean }) => ReactNode
}

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
  version,
  document,
  people,
  launches,
  tags,
  services,
  actions,
}: PostmortemEditorProps) {
  const t = useTranslations('PostmortemEditor')
  const enums = useTranslations('Enums')
  const errorText = useErrorText()
  const saver = useAutosave({ number, initialVersion: version, initialDocument: document })
  const { doc } = saver
  const saveStatus = useTranslations('SaveStatus')
  const errors = Object.fromEntries(
    Object.entries(saver.fieldErrors).map(([key, value]) => [key, errorText(value)]),
  )
  const change = (patch: Partial<PostmortemDocument>) => saver.change({ ...doc, ...patch })
  const section: SectionProps = { doc, change, errors }
  const id = (name: string) => `section-${name}`

  return (
    <div className="grid gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-background/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8 print:hidden">
        <SaveStatus state={saver.state} savedAt={saver.savedAt} />
        {actions?.({ flush: saver.flush, clean: saver.state === 'saved' })}
      </div>
      {saver.restored && saver.state !== 'conflict' ? (
        <p role="status" className="rounded-md bg-accent px-3 py-2 text-sm text-accent-foreground">
          {saveStatus('restored')}
        </p>
      ) : null}
      {saver.theirs ? (
        <ConflictView mine={doc} theirs={saver.theirs} onResolve={saver.resolveConflict} />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <form
          className="grid min-w-0 gap-8"
          onSubmit={(e) => e.preventDefault()}
          // Leaving a field saves at once instead of waiting for the pause; so does Ctrl/Cmd+S.
          onBlur={() => void saver.flush()}
          onKeyDown={(e) => {
            if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void saver.flush()
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
            <MarkdownField
              id="pm-symptom"
              label={t('symptomLabel')}
              hint={t('symptomHint')}
              value={doc.symptom}
              error={errors.symptom}
              onChange={(symptom) => change({ symptom })}
            />
            <MarkdownField
              id="pm-detection"
              label={t('detectionLabel')}
              hint={t('detectionHint')}
              value={doc.detection}
              rows={2}
              error={errors.detection}
              onChange={(detection) => change({ detection })}
            />
            <MarkdownField
              id="pm-impact"
              label={t('impactLabel')}
              value={doc.impact}
              rows={2}
              error={errors.impact}
              onChange={(impact) => change({ impact })}
            />
            <MarkdownField
              id="pm-summary"
              label={t('summaryLabel')}
              value={doc.summary}
              rows={2}
              error={errors.summary}
              onChange={(summary) => change({ summary })}
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
            <MarkdownField
              id="pm-rootCause"
              label={t('rootCauseLabel')}
              value={doc.rootCause}
              error={errors.rootCause}
              onChange={(rootCause) => change({ rootCause })}
            />
            <SelectField
              id="pm-rootCauseCategory"
              label={t('categoryLabel')}
              value={doc.rootCauseCategory}
              empty={t('none')}
              options={rootCauseCategories.map((value) => ({ value, label: enums(`rootCause.${value}`) }))}
              className="sm:max-w-xs"
              onChange={(rootCauseCategory) => change({ rootCauseCategory })}
            />
          </Section>

          <Section id={id('resolution')} title={t('sectionResolution')}>
            <MarkdownField
              id="pm-resolution"
              label={t('resolutionLabel')}
              value={doc.resolution}
              error={errors.resolution}
              onChange={(resolution) => change({ resolution })}
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
            <MarkdownField
              id="pm-verification"
              label={t('verificationLabel')}
              value={doc.verification}
              error={errors.verification}
              onChange={(verification) => change({ verification })}
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
        <div className="lg:sticky lg:top-20 lg:self-start print:hidden">
          <SimilarIncidents text={`${doc.title}\n${doc.symptom}\n${doc.rootCause}`} exclude={number} />
        </div>
      </div>
    </div>
  )
}
