import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectCollab, handshakeStatus, type CollabClient } from '@/test/collab-client'
import { eventually, signedInPerson } from '@/test/signed-in'
import { liveRooms } from '@/server/collab/live-rooms'
import { putDocument } from '@/server/collab/put-document'
import { scalarsOf, textOf } from '@/lib/shared-document/postmortem-ydoc'
import { db } from '@/server/db'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { savePostmortem } from '@/server/postmortems/save-postmortem'
import type { Actor } from '@/server/roles'
import { collabEndpoint } from './collab-socket'
import { handleUpgrade, registerUpgrade } from './upgrade-handlers'

/*
 * The live-editing socket over real HTTP and WebSockets, as scripts/server.ts serves it: people
 * signed in with real sessions, the real rooms, the real database.
 */
let server: Server
const endpoint = collabEndpoint({ sessionCheckMs: 100 })
let origin: string
const people: Record<string, { actor: Actor; cookie: string }> = {}

async function person(name: string, role: Actor['role']) {
  people[name] = await signedInPerson(name, role)
}

beforeAll(async () => {
  await person('Ana', 'EDITOR')
  await person('Bo', 'EDITOR')
  await person('Vera', 'VIEWER')
  registerUpgrade('/collab', endpoint)
  server = createServer((_req, res) => res.end())
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head) || socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.close()
  await endpoint.close()
  server.closeAllConnections()
})

const url = (number: number) => `${origin.replace('http', 'ws')}/collab/${number}`
const as = (name: string) => ({ cookie: people[name]!.cookie, origin })

async function draft(title: string) {
  const created = await createPostmortem({ actor: people.Ana!.actor, input: { title, launchId: null } })
  if (!created.ok) throw new Error(created.error.code)
  return created.data.number
}

async function open(number: number, name: string): Promise<CollabClient> {
  const client = connectCollab(url(number), as(name))
  await client.synced
  return client
}

describe('the live-editing socket', () => {
  it('refuses another origin, no session, an unknown postmortem, and a draft to a viewer', async () => {
    const number = await draft('Refusals')
    expect(await handshakeStatus(url(number), { ...as('Ana'), origin: 'http://evil.example' })).toBe(403)
    expect(await handshakeStatus(url(number), { origin })).toBe(401)
    expect(await handshakeStatus(url(999_999), as('Ana'))).toBe(404)
    expect(await handshakeStatus(`${origin.replace('http', 'ws')}/collab/x`, as('Ana'))).toBe(404)
    expect(await handshakeStatus(url(number), as('Vera'))).toBe(404)
    expect(await handshakeStatus(url(number), as('Ana'))).toBe(101)
  })

  it('two editors type at once: each sees the other, and the postmortem saves both', async () => {
    const number = await draft('Checkout errors')
    const ana = await open(number, 'Ana')
    const bo = await open(number, 'Bo')
    expect(scalarsOf(bo.ydoc).get('title')).toBe('Checkout errors')

    textOf(ana.ydoc, 'rootCause').insert(0, '缓存未更新')
    textOf(bo.ydoc, 'symptom').insert(0, 'Checkout returned 500s')
    scalarsOf(bo.ydoc).set('title', 'Checkout errors after the cache change')
    await eventually(() => textOf(bo.ydoc, 'rootCause').toString() === '缓存未更新')
    await eventually(() => textOf(ana.ydoc, 'symptom').toString() === 'Checkout returned 500s')
    expect(scalarsOf(ana.ydoc).get('title')).toBe('Checkout errors after the cache change')

    ana.close()
    bo.close()
    await Promise.all([ana.closed, bo.closed])
    await liveRooms.flushRoom((await db.postmortem.findUniqueOrThrow({ where: { number } })).id)
    const saved = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(saved.ok && saved.data.document).toMatchObject({
      title: 'Checkout errors after the cache change',
      rootCause: '缓存未更新',
      symptom: 'Checkout returned 500s',
    })
  })

  it('says a change is saved once it is stored and in the tables, not before', async () => {
    const number = await draft('Saved means saved')
    const ana = await open(number, 'Ana')
    await eventually(() => ana.isSaved())
    textOf(ana.ydoc, 'impact').insert(0, '部分用户无法登录')
    expect(ana.isSaved()).toBe(false)
    await eventually(() => ana.isSaved())
    // Still open, nothing flushed: the tables already hold it.
    const saved = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(saved.ok && saved.data.document.impact).toBe('部分用户无法登录')
    ana.close()
    await ana.closed
  })

  it('a save made without the live document since (the form, the API) is not undone by it', async () => {
    const number = await draft('Saved both ways')
    const postmortemId = (await db.postmortem.findUniqueOrThrow({ where: { number } })).id
    const ana = await open(number, 'Ana')
    textOf(ana.ydoc, 'resolution').insert(0, 'Rolled back')
    ana.close()
    await ana.closed
    await liveRooms.flushRoom(postmortemId)

    const read = await getPostmortem({ actor: people.Bo!.actor, number })
    if (!read.ok) throw new Error(read.error.code)
    const { version, document } = read.data
    const saved = await savePostmortem({
      actor: people.Bo!.actor,
      number,
      input: { baseVersion: version, document: { ...document, impact: 'Half of checkouts failed' } },
    })
    expect(saved.ok).toBe(true)

    const again = await open(number, 'Ana')
    expect(textOf(again.ydoc, 'impact').toString()).toBe('Half of checkouts failed')
    textOf(again.ydoc, 'resolution').insert(11, ' and purged the cache')
    again.close()
    await again.closed
    await liveRooms.flushRoom(postmortemId)
    const after = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(after.ok && after.data.document).toMatchObject({
      impact: 'Half of checkouts failed',
      resolution: 'Rolled back and purged the cache',
    })
  })

  it('a form save while people edit live is merged into what they see, not overwritten', async () => {
    const number = await draft('Form and live')
    const postmortemId = (await db.postmortem.findUniqueOrThrow({ where: { number } })).id
    const ana = await open(number, 'Ana')
    textOf(ana.ydoc, 'summary').insert(0, 'Typed live')
    await liveRooms.flushRoom(postmortemId)
    const read = await getPostmortem({ actor: people.Bo!.actor, number })
    if (!read.ok) throw new Error(read.error.code)
    const saved = await savePostmortem({
      actor: people.Bo!.actor,
      number,
      input: { baseVersion: read.data.version, document: { ...read.data.document, impact: 'From the form' } },
    })
    expect(saved.ok).toBe(true)
    textOf(ana.ydoc, 'summary').insert(10, ', still typing')
    await eventually(() => textOf(ana.ydoc, 'impact').toString() === 'From the form')
    ana.close()
    await ana.closed
    await liveRooms.flushRoom(postmortemId)
    const after = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(after.ok && after.data.document).toMatchObject({
      impact: 'From the form',
      summary: 'Typed live, still typing',
    })
  })

  it('a script’s PUT reaches the people editing live, and neither overwrites the other', async () => {
    const number = await draft('Scripted and live')
    const postmortemId = (await db.postmortem.findUniqueOrThrow({ where: { number } })).id
    const ana = await open(number, 'Ana')
    const read = await getPostmortem({ actor: people.Bo!.actor, number })
    if (!read.ok) throw new Error(read.error.code)
    textOf(ana.ydoc, 'rootCause').insert(0, 'A stale cache entry')
    await new Promise((r) => setTimeout(r, 100)) // Ana's keystrokes reach the server first
    const put = await putDocument({
      actor: people.Bo!.actor,
      number,
      input: {
        baseVersion: read.data.version,
        document: { ...read.data.document, severity: 'SEV1', detection: 'Paged by the checkout SLO' },
      },
    })
    expect(put.ok).toBe(true)
    await eventually(() => textOf(ana.ydoc, 'detection').toString() === 'Paged by the checkout SLO')
    expect(scalarsOf(ana.ydoc).get('severity')).toBe('SEV1')
    ana.close()
    await ana.closed
    await liveRooms.flushRoom(postmortemId)
    const after = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(after.ok && after.data.document).toMatchObject({
      severity: 'SEV1',
      detection: 'Paged by the checkout SLO',
      rootCause: 'A stale cache entry',
    })
  })

  it('shows each person’s presence under their own name, whatever their tab claims', async () => {
    const number = await draft('Presence')
    const ana = await open(number, 'Ana')
    const bo = await open(number, 'Bo')
    bo.awareness.setLocalStateField('user', { name: 'Someone else', color: '#c00' })
    await eventually(() =>
      [...ana.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Bo'),
    )
    bo.close()
    await eventually(() => ana.awareness.getStates().size === 1) // only her own
    ana.close()
  })

  it('a viewer follows who is editing a published postmortem, but neither reads nor changes its next version', async () => {
    const number = await draft('Published one')
    await db.postmortem.update({ where: { number }, data: { status: 'PUBLISHED' } })
    const ana = await open(number, 'Ana')
    // A viewer's socket is never sent the document: it holds the unpublished next version.
    const vera = connectCollab(url(number), as('Vera'))
    // Said again until heard: what is sent before the socket has joined the room is not.
    await eventually(() => {
      vera.awareness.setLocalStateField('user', { name: 'Vera' })
      return [...ana.awareness.getStates().values()].some(
        (s) => (s.user as { name?: string })?.name === 'Vera',
      )
    })
    textOf(ana.ydoc, 'summary').insert(0, 'Written by Ana')
    textOf(vera.ydoc, 'summary').insert(0, 'Vera was here. ')
    textOf(ana.ydoc, 'summary').insert(14, '.')
    // Ana's own change comes back to her once saved; by then Vera's would have arrived too.
    await eventually(() => ana.isSaved())
    expect(textOf(ana.ydoc, 'summary').toString()).toBe('Written by Ana.')
    expect(textOf(vera.ydoc, 'summary').toString()).toBe('Vera was here. ')
    ana.close()
    vera.close()
  })

  it('keeps up with a burst of typing: every keystroke stored, together, and saved', async () => {
    const number = await draft('A burst of typing')
    const postmortemId = (await db.postmortem.findUniqueOrThrow({ where: { number } })).id
    const ana = await open(number, 'Ana')
    const bo = await open(number, 'Bo')
    const before = await db.documentUpdate.count({ where: { postmortemId } })
    const text = textOf(ana.ydoc, 'rootCause')
    // 300 keystrokes, each its own message, faster than one round trip to the database each.
    for (let i = 0; i < 300; i++) text.insert(text.length, i % 10 === 9 ? ' ' : '写')
    const typed = text.toString()
    await eventually(() => textOf(bo.ydoc, 'rootCause').toString() === typed)
    await eventually(() => ana.isSaved() && bo.isSaved())
    // Stored as they came, but not a row each: what arrives during a store goes into the next.
    const rows = await db.documentUpdate.count({ where: { postmortemId } })
    expect(rows - before).toBeLessThan(100)
    const saved = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(saved.ok && saved.data.document.rootCause.trim()).toBe(typed.trim())
    ana.close()
    bo.close()
    await Promise.all([ana.closed, bo.closed])
  })

  it('sends someone away when they are signed out, and reconnects a role change', async () => {
    const number = await draft('Sessions')
    const bo = await open(number, 'Bo')
    await db.user.update({ where: { id: people.Bo!.actor.id }, data: { role: 'VIEWER' } })
    expect(await bo.closed).toBe(4403)

    const ana = await open(number, 'Ana')
    await db.session.deleteMany({ where: { userId: people.Ana!.actor.id } })
    expect(await ana.closed).toBe(4401)
  })
})
