'use client'

import { useTranslations } from '@/i18n/use-translations'
import { newId } from '@/lib/id'
import { MarkdownField } from './fields'
import { ListEditor } from './list-editor'
import { section, type SectionProps } from './types'

/** Open questions, with an answer once found. */
export const QuestionsEditor = section(
  function QuestionsEditor({ doc, change, errors, commentOn }: SectionProps) {
    const t = useTranslations('PostmortemEditor')
    return (
      <ListEditor
        onComment={commentOn && ((item) => commentOn('openQuestions', item.id))}
        label={t('sectionQuestions')}
        items={doc.openQuestions}
        entryRem={13}
        onChange={(openQuestions) => change({ openQuestions })}
        addLabel={t('addQuestion')}
        create={() => ({ id: newId(), text: '', answer: '' })}
        itemTitle={(i) => t('questionLabel', { n: i + 1 })}
        itemSummary={(q) => q.text}
      >
        {(q, i, update) => (
          <>
            <MarkdownField
              id={`question-${q.id}-text`}
              label={t('questionLabel', { n: i + 1 })}
              value={q.text}
              rows={2}
              maxLength={2000}
              error={errors[`openQuestions.${i}.text`]}
              onChange={(text) => update({ text })}
            />
            <MarkdownField
              id={`question-${q.id}-answer`}
              label={t('answerLabel')}
              value={q.answer}
              rows={1}
              error={errors[`openQuestions.${i}.answer`]}
              onChange={(answer) => update({ answer })}
            />
          </>
        )}
      </ListEditor>
    )
  },
  ['openQuestions'],
)

export const LessonsEditor = section(
  function LessonsEditor({ doc, change, errors, commentOn }: SectionProps) {
    const t = useTranslations('PostmortemEditor')
    return (
      <ListEditor
        onComment={commentOn && ((item) => commentOn('lessons', item.id))}
        label={t('sectionLessons')}
        items={doc.lessons}
        entryRem={13}
        onChange={(lessons) => change({ lessons })}
        addLabel={t('addLesson')}
        create={() => ({ id: newId(), text: '' })}
        itemTitle={(i) => t('lessonLabel', { n: i + 1 })}
        itemSummary={(lesson) => lesson.text}
      >
        {(lesson, i, update) => (
          <MarkdownField
            id={`lesson-${lesson.id}-text`}
            label={t('lessonLabel', { n: i + 1 })}
            value={lesson.text}
            error={errors[`lessons.${i}.text`]}
            onChange={(text) => update({ text })}
          />
        )}
      </ListEditor>
    )
  },
  ['lessons'],
)
