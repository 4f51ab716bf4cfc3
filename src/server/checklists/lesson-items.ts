import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { canRead, readableBy } from '../postmortems/get-postmortem'
import { err, ok, type Result } from '../result'
import type { LessonItemInput } from './schemas'
import { oneLine } from './sources'
import { addItem } from './template-items'

export type LessonDraft = {
  lessonId: string
  postmortem: { number: number; title: string }
  /** Prefilled wording and rationale for the new item. */
  text: string
  rationale: string
}

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
  })
}

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

export type LessonItems = Record<
  string,
  { id: string; text: string; template: { id: string; name: string }; archived: boolean }[]
>

/** For each lesson of a postmortem the actor may read, the checklist items it became. */
export async function findLessonItems({
  actor,
  postmortemId,
}: {
  actor: Actor
  postmortemId: string
}): Promise<LessonItems> {
  const rows = await db.checklistItemSource.findMany({
    where: { lesson: { postmortemId, postmortem: readableBy(actor) } },
    orderBy: { createdAt: 'asc' },
    select: {
      lessonId: true,
      checklistItem: {
        select: {
          id: true,
          text: true,
          archivedAt: true,
          template: { select: { id: true, name: true, archivedAt: true } },
        },
      },
    },
  })
  const out: LessonItems = {}
  for (const { lessonId, checklistItem: item } of rows)
    (out[lessonId] ??= []).push({
      id: item.id,
      text: item.text,
      template: { id: item.template.id, name: item.template.name },
      archived: !!(item.archivedAt ?? item.template.archivedAt),
    })
  return out
}
