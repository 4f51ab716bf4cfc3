import 'server-only'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { contentLanguageOf } from '../postmortems/content-language'
import { readableBy } from '../postmortems/get-postmortem'
import type { Actor } from '../roles'

const postmortem = { select: { number: true, title: true, language: true, status: true } } as const

/**
 * My work's comment sections: open threads where someone mentioned the person, and open
 * threads on the postmortems they author or took part in (started or replied to: a reviewer's
 * threads), newest first: the first `limit` of each, and how many there are. Resolved threads
 * are done and drop off.
 */
export async function findCommentWork({ actor, limit }: { actor: Actor; limit: number }) {
  return keptCommentWork(readerKey(actor, actor.id, limit), () => readCommentWork(actor, limit))
}

/** Each person's comment work, kept against the data version (decision 035). */
const keptCommentWork = dataVersionCache<Awaited<ReturnType<typeof readCommentWork>>>('comment-work', {
  maxEntries: 200,
})

async function readCommentWork(actor: Actor, limit: number) {
  const readable = { postmortem: readableBy(actor) }
  const mentionWhere = {
    mentions: { some: { userId: actor.id } },
    thread: { resolvedAt: null, ...readable },
  }
  const threadWhere = {
    resolvedAt: null,
    ...readable,
    OR: [
      { postmortem: { authors: { some: { userId: actor.id } } } },
      { comments: { some: { authorId: actor.id } } },
    ],
  }
  const [mentions, threads, mentionCount, threadCount] = await Promise.all([
    db.comment.findMany({
      where: mentionWhere,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        body: true,
        createdAt: true,
        author: { select: { name: true } },
        thread: { select: { id: true, quote: true, postmortem } },
      },
    }),
    db.commentThread.findMany({
      where: threadWhere,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        quote: true,
        createdAt: true,
        postmortem,
        _count: { select: { comments: true } },
        comments: {
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 1,
          select: { createdAt: true, author: { select: { name: true } } },
        },
      },
    }),
    db.comment.count({ where: mentionWhere }),
    db.commentThread.count({ where: threadWhere }),
  ])
  const withLanguage = <P extends { title: string; language: string | null }>(pm: P) => ({
    ...pm,
    language: contentLanguageOf(pm),
  })
  return {
    mentions: mentions.map(({ thread, ...c }) => ({
      ...c,
      thread: { ...thread, postmortem: withLanguage(thread.postmortem) },
    })),
    openThreads: threads.map(({ _count, comments, ...t }) => ({
      ...t,
      postmortem: withLanguage(t.postmortem),
      replies: _count.comments - 1,
      last: comments[0] ?? null,
    })),
    totals: { mentions: mentionCount, openThreads: threadCount },
  }
}
