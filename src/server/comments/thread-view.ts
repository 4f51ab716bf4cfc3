import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { toBase64, type CommentField } from './schemas'

/** What the pages and the JSON API show of a thread: anchors as base64, people by name. */
export type ThreadView = {
  id: string
  field: CommentField
  itemId: string | null
  anchorStart: string
  anchorEnd: string
  quote: string
  createdAt: Date
  resolvedAt: Date | null
  resolvedBy: { id: string; name: string } | null
  comments: CommentView[]
}
export type CommentView = {
  id: string
  body: string
  createdAt: Date
  author: { id: string; name: string } | null
  mentions: { id: string; name: string }[]
}

const person = { select: { id: true, name: true } } as const

export const threadSelect = {
  id: true,
  field: true,
  itemId: true,
  anchorStart: true,
  anchorEnd: true,
  quote: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: person,
  comments: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: person,
      mentions: { select: { user: person } },
    },
  },
} satisfies Prisma.CommentThreadSelect

type ThreadRow = Prisma.CommentThreadGetPayload<{ select: typeof threadSelect }>

export function toThreadView(row: ThreadRow): ThreadView {
  return {
    ...row,
    field: row.field as CommentField,
    anchorStart: toBase64(row.anchorStart),
    anchorEnd: toBase64(row.anchorEnd),
    comments: row.comments.map(({ mentions, ...c }) => ({ ...c, mentions: mentions.map((m) => m.user) })),
  }
}
