import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { canRead } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import { oneLine } from './sources'
import { type LessonDraft } from './lesson-item-views'

/** What "Turn into checklist item" starts from: the lesson's text and the incident behind it. */
export async function getLessonDraft({
  actor,
  number,
  lessonId,
}: {
  actor: Actor
  number: number
  lessonId: string
}): Promise<Result<LessonDraft>> {
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: {
      text: true,
      postmortem: { select: { number: true, title: true, rootCause: true, status: true } },
      checklistItems: {
        orderBy: { createdAt: 'asc' },
        select: {
          checklistItem: { select: { id: true, text: true, template: { select: { id: true, name: true } } } },
        },
      },
    },
  })
  if (!lesson || lesson.postmortem.number !== number || !canRead(actor, lesson.postmortem.status))
    return err('NOT_FOUND')
  const { postmortem } = lesson
  // The item says where it came from by itself ("Learned from PM-12 · …"); the rationale is the lesson.
  return ok({
    lessonId,
    postmortem: { number: postmortem.number, title: postmortem.title },
    text: oneLine(lesson.text, 500),
    rationale: lesson.text.trim().slice(0, 4000),
    items: lesson.checklistItems.map((source) => source.checklistItem),
  })
}
