import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { encodeAnchors } from '@/lib/shared-document/comment-anchors'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import type { Actor } from '@/server/roles'
import { signedInPerson } from '@/test/signed-in'

/*
 * The comments JSON API (decision 024) over the real route handlers and database: statuses a
 * script sees for good and bad requests. Route handlers read the session from next/headers;
 * here it answers with the headers of the request being handled.
 */
let current = new Headers()
vi.mock('next/headers', () => ({
  headers: async () => current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} }),
}))

const threads = await import('./route')
const thread = await import('./[threadId]/route')

const app = 'http://localhost:3000'
let editor: { actor: Actor; cookie: string }
let viewer: { actor: Actor; cookie: string }
let number: number
let other: number

function call(cookie: string, method: string, path: string, body?: unknown) {
  const r = new Request(`${app}${path}`, {
    method,
    headers: { cookie, origin: app, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  current = r.headers
  return r
}
const at = (n: number) => ({ params: Promise.resolve({ number: String(n) }) })
const atThread = (n: number, threadId: string) => ({
  params: Promise.resolve({ number: String(n), threadId }),
})

function newThreadBody(body = 'Why this long?') {
  const text = new Y.Doc().getText('rootCause')
  text.insert(0, 'The replica lagged behind.')
  return { field: 'rootCause', quote: 'lagged', body, ...encodeAnchors(text, 12, 18) }
}

beforeAll(async () => {
  editor = await signedInPerson('Erin', 'EDITOR')
  viewer = await signedInPerson('Val', 'VIEWER')
  const pm = (title: string) => createPostmortem({ actor: editor.actor, input: { title, launchId: null } })
  const [a, b] = [await pm('Replica lag'), await pm('Other')]
  if (!a.ok || !b.ok) throw new Error('setup')
  number = a.data.number
  other = b.data.number
})

describe('/api/v1/postmortems/:number/comments', () => {
  it('starts a thread, replies, resolves and lists it', async () => {
    const created = await threads.POST(call(editor.cookie, 'POST', '/c', newThreadBody()), at(number))
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }

    const replied = await thread.POST(
      call(editor.cookie, 'POST', '/c', { body: 'Backups.' }),
      atThread(number, id),
    )
    expect(replied.status).toBe(201)
    const resolved = await thread.PATCH(
      call(editor.cookie, 'PATCH', '/c', { resolved: true }),
      atThread(number, id),
    )
    expect(resolved.status).toBe(200)

    const listed = await threads.GET(call(editor.cookie, 'GET', '/c'), at(number))
    const { threads: all } = (await listed.json()) as {
      threads: { quote: string; resolvedAt: string | null; comments: { body: string }[] }[]
    }
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({
      quote: 'lagged',
      comments: [{ body: 'Why this long?' }, { body: 'Backups.' }],
    })
    expect(all[0]!.resolvedAt).not.toBeNull()
  })

  it('answers bad input with 4xx and a reason', async () => {
    const invalid = await threads.POST(call(editor.cookie, 'POST', '/c', newThreadBody('  ')), at(number))
    expect(invalid.status).toBe(422)
    expect(await invalid.json()).toMatchObject({
      error: { code: 'INVALID_INPUT', issues: [{ path: 'body', message: 'required' }] },
    })
    const garbage = await threads.POST(
      call(editor.cookie, 'POST', '/c', { ...newThreadBody(), anchorStart: 'yAE=' }),
      at(number),
    )
    expect(garbage.status).toBe(422)

    const created = await threads.POST(call(editor.cookie, 'POST', '/c', newThreadBody()), at(number))
    const { id } = (await created.json()) as { id: string }
    // The thread is not under another postmortem.
    const elsewhere = await thread.PATCH(
      call(editor.cookie, 'PATCH', '/c', { resolved: true }),
      atThread(other, id),
    )
    expect(elsewhere.status).toBe(404)
    const notBoolean = await thread.PATCH(
      call(editor.cookie, 'PATCH', '/c', { resolved: 'yes' }),
      atThread(number, id),
    )
    expect(notBoolean.status).toBe(422)

    // Viewers: the draft does not exist for them, and they never write.
    expect((await threads.GET(call(viewer.cookie, 'GET', '/c'), at(number))).status).toBe(404)
    expect((await threads.POST(call(viewer.cookie, 'POST', '/c', newThreadBody()), at(number))).status).toBe(
      403,
    )
  })
})
