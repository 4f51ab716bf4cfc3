import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { db } from '../db'
import type { Actor } from '../roles'
import { createPostmortem } from '../postmortems/create-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { postmortemDocument } from '../postmortems/schemas'
import { createThread } from './create-thread'
import { findCommentWork } from './find-comment-work'
import { findThreads } from './find-threads'
import { replyToThread } from './reply-to-thread'
import { resolveThread } from './resolve-thread'
import { commentInput, createThreadInput, toBase64 } from './schemas'
import { person, unwrap } from '@/test/people'

/*
 * Comment threads (decision 024) on a real database, through the use cases the editor, the
 * read page, My work and the JSON API call.
 */

let author: Actor
let reviewer: Actor
let viewer: Actor

/** Anchors around `quote` in a Y.Text holding `text`, as the editor encodes them. */
function anchorsFor(text: string, quote: string) {
  const ydoc = new Y.Doc()
  const ytext = ydoc.getText('rootCause')
  ytext.insert(0, text)
  const from = text.indexOf(quote)
  const encode = (index: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, index)))
  return { anchorStart: encode(from), anchorEnd: encode(from + quote.length) }
}

async function draft(rootCause = 'The replica lagged behind the primary by 40 minutes.') {
  const { number } = unwrap(
    await createPostmortem({ actor: author, input: { title: '主从延迟', launchId: null } }),
  )
  const document = postmortemDocument.parse({ title: '主从延迟', rootCause })
  unwrap(await savePostmortem({ actor: author, number, input: { baseVersion: 1, document } }))
  return number
}

const thread = (number: number, actor: Actor, fields: Record<string, unknown> = {}) =>
  createThread({
    actor,
    number,
    input: createThreadInput.parse({
      field: 'rootCause',
      quote: 'lagged behind',
      body: 'Why 40 minutes? **Which** replica?',
      ...anchorsFor('The replica lagged behind the primary by 40 minutes.', 'lagged behind'),
      ...fields,
    }),
  })

beforeAll(async () => {
  author = await person('Ann', 'EDITOR')
  reviewer = await person('Rui Zhang', 'ADMIN')
  viewer = await person('Vic', 'VIEWER')
})

describe('comment threads', () => {
  it('are started on a passage, replied to, resolved and reopened', async () => {
    const number = await draft()
    const started = unwrap(await thread(number, reviewer))
    expect(started).toMatchObject({
      field: 'rootCause',
      itemId: null,
      quote: 'lagged behind',
      resolvedAt: null,
    })
    expect(started.comments).toMatchObject([
      { body: 'Why 40 minutes? **Which** replica?', author: { name: 'Rui Zhang' } },
    ])
    expect(
      Y.decodeRelativePosition(Uint8Array.from(atob(started.anchorStart), (c) => c.charCodeAt(0))),
    ).toMatchObject({
      tname: null,
      item: { clock: 12 },
    })

    const replied = unwrap(
      await replyToThread({
        actor: author,
        threadId: started.id,
        number,
        input: commentInput.parse({ body: 'The nightly backup ran on it.' }),
      }),
    )
    expect(replied.comments.map((c) => c.author?.name)).toEqual(['Rui Zhang', 'Ann'])

    const resolved = unwrap(await resolveThread({ actor: author, threadId: started.id, resolved: true }))
    expect(resolved.resolvedBy?.name).toBe('Ann')
    expect(resolved.resolvedAt).toBeInstanceOf(Date)
    // Resolving again changes nothing (two people clicking at once).
    const again = unwrap(await resolveThread({ actor: reviewer, threadId: started.id, resolved: true }))
    expect(again.resolvedBy?.name).toBe('Ann')

    const reopened = unwrap(await resolveThread({ actor: reviewer, threadId: started.id, resolved: false }))
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null })

    // A reply to a resolved thread reopens it.
    unwrap(await resolveThread({ actor: author, threadId: started.id, resolved: true }))
    const revived = unwrap(
      await replyToThread({
        actor: reviewer,
        threadId: started.id,
        input: commentInput.parse({ body: 'Not quite: which backup?' }),
      }),
    )
    expect(revived.resolvedAt).toBeNull()

    const listed = unwrap(await findThreads({ actor: author, number }))
    expect(listed.map((t) => [t.quote, t.comments.length])).toEqual([['lagged behind', 3]])
  })

  it('let viewers read threads of published postmortems only, and never write', async () => {
    const number = await draft()
    const started = unwrap(await thread(number, author))
    expect(await findThreads({ actor: viewer, number })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await thread(number, viewer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await replyToThread({ actor: viewer, threadId: started.id, input: commentInput.parse({ body: 'Hi' }) }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await resolveThread({ actor: viewer, threadId: started.id, resolved: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    await db.postmortem.update({ where: { number }, data: { status: 'PUBLISHED' } })
    expect(unwrap(await findThreads({ actor: viewer, number }))).toHaveLength(1)
  })

  it('refuse a thread of another postmortem, bad anchors and bad input', async () => {
    const number = await draft()
    const other = await draft()
    const started = unwrap(await thread(number, author))
    expect(
      await replyToThread({
        actor: author,
        threadId: started.id,
        number: other,
        input: commentInput.parse({ body: 'Wrong page' }),
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await thread(999_999, author)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await thread(number, author, { anchorStart: toBase64(new Uint8Array([200, 1])) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'invalidAnchor' },
    })

    const issues = (value: Record<string, unknown>) =>
      createThreadInput.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message])
    const valid = {
      field: 'rootCause',
      quote: 'x',
      body: 'y',
      ...anchorsFor('The replica lagged', 'replica'),
    }
    expect(issues({ ...valid, body: '   ' })).toEqual([['body', 'required']])
    expect(issues({ ...valid, body: 'x'.repeat(5_001) })).toEqual([['body', 'tooLong']])
    expect(issues({ ...valid, field: 'title' })).toEqual([['field', 'invalidChoice']])
    expect(issues({ ...valid, anchorStart: 'not base64!' })).toEqual([['anchorStart', 'invalidAnchor']])
    // A list's text needs the item, and a long text takes none.
    expect(issues({ ...valid, field: 'hypotheses.evidence' })).toEqual([['itemId', 'invalidAnchor']])
    expect(issues({ ...valid, itemId: crypto.randomUUID() })).toEqual([['itemId', 'invalidAnchor']])
    expect(issues({ ...valid, field: 'hypotheses.evidence', itemId: crypto.randomUUID() })).toBeUndefined()
  })

  it('mention people, tell them, and list mentions and open threads in My work', async () => {
    const number = await draft()
    // The viewer cannot read a draft: mentioning them there is dropped.
    const started = unwrap(
      await thread(number, reviewer, {
        body: '@Ann can you check? cc @Vic',
        mentions: [author.id, viewer.id].join(','),
      }),
    )
    expect(started.comments[0]!.mentions.map((m) => m.name)).toEqual(['Ann'])
    const events = await db.notificationEvent.findMany({
      where: { type: 'comment-mention', subject: `postmortem:${number}` },
    })
    expect(events.map((e) => e.payload)).toMatchObject([
      { number, by: 'Rui Zhang', quote: 'lagged behind', mentioned: [{ name: 'Ann' }] },
    ])

    // An id whose "@name" was deleted from the text before sending is not a mention.
    const reply = unwrap(
      await replyToThread({
        actor: author,
        threadId: started.id,
        input: commentInput.parse({ body: 'Checked.', mentions: [reviewer.id] }),
      }),
    )
    expect(reply.comments[1]!.mentions).toEqual([])

    const annWork = await findCommentWork({ actor: author, limit: 20 })
    expect(annWork.mentions.map((m) => [m.thread.postmortem.number, m.author?.name])).toContainEqual([
      number,
      'Rui Zhang',
    ])
    expect(annWork.openThreads.map((t) => t.id)).toContain(started.id)
    // My work shows the newest few and counts them all.
    expect(annWork.totals).toEqual({
      mentions: annWork.mentions.length,
      openThreads: annWork.openThreads.length,
    })
    expect(annWork.openThreads.length).toBeGreaterThan(1)
    const newest = await findCommentWork({ actor: author, limit: 1 })
    expect(newest.openThreads).toHaveLength(1)
    expect(newest.openThreads[0]!.id).toBe(annWork.openThreads[0]!.id)
    expect(newest.totals.openThreads).toBe(annWork.openThreads.length)
    const ruiWork = await findCommentWork({ actor: reviewer, limit: 20 })
    expect(ruiWork.openThreads.find((t) => t.id === started.id)).toMatchObject({
      replies: 1,
      last: { author: { name: 'Ann' } },
    })

    unwrap(await resolveThread({ actor: author, threadId: started.id, resolved: true }))
    const after = await findCommentWork({ actor: author, limit: 20 })
    expect(after.mentions.map((m) => m.thread.id)).not.toContain(started.id)
    expect(after.openThreads.map((t) => t.id)).not.toContain(started.id)
  })
})
