import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { readableBy } from '../postmortems/get-postmortem'
import { type LessonItems } from './lesson-item-views'

/** For each lesson of a postmortem the actor may read, the checklist items it became. */
export async function findLessonItems({
  actor,
  postmortemId,
}: {
  actor: Actor
  postmortemId: string
}): Promise<LessonItems> {
  return keptLessonItems(readerKey(actor, postmortemId), () => readLessonItems(actor, postmortemId))
}

const keptLessonItems = dataVersionCache<LessonItems>('lesson-items', { maxEntries: 200 })

async function readLessonItems(actor: Actor, postmortemId: string): Promise<LessonItems> {
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
