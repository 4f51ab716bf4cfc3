import 'server-only'
import type { Actor } from '../roles'
import type { Result } from '../result'
import type { LessonItemInput } from './schemas'
import { addItem } from './add-item'
import { getLessonDraft } from './get-lesson-draft'

/** Turns a lesson into a new item of a template, linked both ways. */
export async function turnLessonIntoItem({
  actor,
  number,
  lessonId,
  input: { templateId, ...item },
}: {
  actor: Actor
  number: number
  lessonId: string
  input: LessonItemInput
}): Promise<Result<{ id: string }>> {
  const draft = await getLessonDraft({ actor, number, lessonId })
  if (!draft.ok) return draft
  return addItem({ actor, templateId, input: item, lessonIds: [lessonId] })
}
