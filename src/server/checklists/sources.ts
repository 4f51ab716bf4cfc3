import 'server-only'
import type { Actor } from '../roles'
import { canRead } from '../postmortems/get-postmortem'
import type { PostmortemStatus } from '../postmortems/schemas'
import { contentLanguageOf, type ContentLanguage } from '../postmortems/content-language'

/** What a checklist item or launch check says about the incident that taught it. */
export type ItemSource = {
  number: number
  title: string
  rootCause: string
  lesson: string
  /** The language the postmortem is written in (for `lang`). */
  language: ContentLanguage | null
}

/** Prisma `select` for an item's sources, with the postmortem each lesson belongs to. */
export const sourcesSelect = {
  select: {
    lesson: {
      select: {
        text: true,
        postmortem: { select: { number: true, title: true, language: true, rootCause: true, status: true } },
      },
    },
  },
  orderBy: { createdAt: 'asc' },
} as const

type SourceRow = {
  lesson: {
    text: string
    postmortem: {
      number: number
      title: string
      language: string | null
      rootCause: string
      status: PostmortemStatus
    }
  }
}

/** The root cause in one line: its first sentence or line, at most 140 characters. */
export function oneLine(text: string, max = 140): string {
  const first = text.trim().split(/\n|(?<=[。！？.!?])\s*/u)[0] ?? ''
  const flat = first.replace(/[#*_`>|[\]]/g, '').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function toSources(actor: Actor, rows: SourceRow[]): ItemSource[] {
  return rows
    .filter((r) => canRead(actor, r.lesson.postmortem.status))
    .map(({ lesson: { text, postmortem: p } }) => ({
      number: p.number,
      title: p.title,
      rootCause: oneLine(p.rootCause),
      lesson: oneLine(text, 200),
      language: contentLanguageOf(p),
    }))
}
