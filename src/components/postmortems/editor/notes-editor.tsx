'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { newId } from '@/lib/id'
import { ListItem, lists, MarkdownField } from './fields'
import type { SectionProps } from './types'

/** Open questions (with an answer once found) and lessons: numbered texts. */
export function QuestionsEditor({ doc, change, errors }: SectionProps) {
  const t = useTranslations('PostmortemEditor')
  const items = doc.openQuestions
  const set = (openQuestions: typeof items) => change({ openQuestions })
  return (
    <div className="grid gap-3">
      <ol className="grid gap-3" aria-label={t('sectionQuestions')}>
        {items.map((q, i) => (
          <ListItem
            key={q.id}
            title={t('questionLabel', { n: i + 1 })}
            index={i}
            count={items.length}
            onMove={(from, to) => set(lists.move(items, from, to))}
            onRemove={() => set(lists.remove(items, i))}
          >
            <MarkdownField
              id={`question-${q.id}-text`}
              label={t('questionLabel', { n: i + 1 })}
              value={q.text}
              rows={2}
              maxLength={2000}
              error={errors[`openQuestions.${i}.text`]}
              onChange={(text) => set(lists.update(items, i, { text }))}
            />
            <MarkdownField
              id={`question-${q.id}-answer`}
              label={t('answerLabel')}
              value={q.answer}
              rows={1}
              error={errors[`openQuestions.${i}.answer`]}
              onChange={(answer) => set(lists.update(items, i, { answer }))}
            />
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() => set([...items, { id: newId(), text: '', answer: '' }])}
      >
        <Plus aria-hidden />
        {t('addQuestion')}
      </Button>
    </div>
  )
}

export function LessonsEditor({ doc, change, errors }: SectionProps) {
  const t = useTranslations('PostmortemEditor')
  const items = doc.lessons
  const set = (lessons: typeof items) => change({ lessons })
  return (
    <div className="grid gap-3">
      <ol className="grid gap-3" aria-label={t('sectionLessons')}>
        {items.map((lesson, i) => (
          <ListItem
            key={lesson.id}
            title={t('lessonLabel', { n: i + 1 })}
            index={i}
            count={items.length}
            onMove={(from, to) => set(lists.move(items, from, to))}
            onRemove={() => set(lists.remove(items, i))}
          >
            <MarkdownField
              id={`lesson-${lesson.id}-text`}
              label={t('lessonLabel', { n: i + 1 })}
              value={lesson.text}
              error={errors[`lessons.${i}.text`]}
              onChange={(text) => set(lists.update(items, i, { text }))}
            />
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() => set([...items, { id: newId(), text: '' }])}
      >
        <Plus aria-hidden />
        {t('addLesson')}
      </Button>
    </div>
  )
}
