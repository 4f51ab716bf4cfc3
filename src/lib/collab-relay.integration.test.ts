import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveRooms } from '@/server/collab/live-rooms'
import { scalarsOf, textOf } from '@/lib/shared-document/postmortem-ydoc'
import { putDocument } from '@/server/collab/put-document'
import { db } from '@/server/db'
import { databaseTarget } from '@/server/env'
import { createPostmortem } from '@/server/postmortems/create-postmortem'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import type { Actor } from '@/server/roles'
import { connectCollab } from '@/test/collab-client'
import { eventually, signedInPerson } from '@/test/signed-in'
import { skipBecause } from '@/test/skip-because'
import { collabEndpoint } from './collab-socket'

/*
 * @runs-once (the relay is the server Postgres's: the embedded database serves one process).
 * Two app instances on one server Postgres, as WEB_CONCURRENCY or two machines run them: each
 * with its own rooms and its own server; people on different instances edit the same postmortem.
 */
const postgres = databaseTarget().kind === 'postgres'
const instances: { server: Server; origin: string; close(): Promise<void> }[] = []
const people: Record<string, { actor: Actor; cookie: string }> = {}

async function instance() {
  const endpoint = collabEndpoint({ rooms: createLiveRooms() })
  const server = createServer((_req, res) => res.end())
  server.on('upgrade', (req, socket, head) => endpoint.upgrade(req, socket, head))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const close = async () => {
    server.close()
    await endpoint.close()
    server.closeAllConnections()
  }
  return { server, origin, close }
}

beforeAll(async () => {
  if (!postgres) return
  people.Ana = await signedInPerson('Ana', 'EDITOR')
  people.Bo = await signedInPerson('Bo', 'EDITOR')
  instances.push(await instance(), await instance())
})

afterAll(async () => {
  for (const { close } of instances) await close()
})

function open(on: number, number: number, name: string) {
  const { origin } = instances[on]!
  const url = `${origin.replace('http', 'ws')}/collab/${number}`
  return connectCollab(url, { cookie: people[name]!.cookie, origin })
}

describe('live editing across app instances (server Postgres)', () => {
  it('people on two instances see each other’s typing and presence, and a PUT reaches both', async (context) => {
    if (!postgres) skipBecause(context, 'relaying between instances needs a server Postgres')
    const created = await createPostmortem({
      actor: people.Ana!.actor,
      input: { title: 'Two instances', launchId: null },
    })
    if (!created.ok) throw new Error(created.error.code)
    const { number } = created.data
    const ana = open(0, number, 'Ana')
    const bo = open(1, number, 'Bo')
    await Promise.all([ana.synced, bo.synced])

    textOf(ana.ydoc, 'rootCause').insert(0, '主库连接池耗尽')
    await eventually(() => textOf(bo.ydoc, 'rootCause').toString() === '主库连接池耗尽')
    textOf(bo.ydoc, 'rootCause').insert(7, ' after the deploy')
    await eventually(() => textOf(ana.ydoc, 'rootCause').toString() === '主库连接池耗尽 after the deploy')

    bo.awareness.setLocalStateField('user', { name: 'Bo', color: '#06c' })
    await eventually(() =>
      [...ana.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Bo'),
    )

    const read = await getPostmortem({ actor: people.Ana!.actor, number })
    if (!read.ok) throw new Error(read.error.code)
    const put = await putDocument({
      actor: people.Ana!.actor,
      number,
      input: { baseVersion: read.data.version, document: { ...read.data.document, severity: 'SEV2' } },
    })
    expect(put.ok).toBe(true)
    await eventually(() => scalarsOf(ana.ydoc).get('severity') === 'SEV2')
    await eventually(() => scalarsOf(bo.ydoc).get('severity') === 'SEV2')

    ana.close()
    bo.close()
    await Promise.all([ana.closed, bo.closed])
    for (const { close } of instances.splice(0)) await close()
    const saved = await getPostmortem({ actor: people.Ana!.actor, number })
    expect(saved.ok && saved.data.document).toMatchObject({
      severity: 'SEV2',
      rootCause: '主库连接池耗尽 after the deploy',
    })
  })
})

describe('a room that cannot be opened (server Postgres)', () => {
  it('is opened afresh by the next person, not failed for good', async (context) => {
    if (!postgres) skipBecause(context, 'holding a row from a second connection needs a server Postgres')
    const created = await createPostmortem({
      actor: people.Ana!.actor,
      input: { title: 'Opened afresh', launchId: null },
    })
    if (!created.ok) throw new Error(created.error.code)
    const { id } = await db.postmortem.findUniqueOrThrow({ where: { number: created.data.number } })
    const rooms = createLiveRooms()
    const peer = { actor: people.Ana!.actor, readOnly: false, send: () => {} }
    // Another connection holds the postmortem longer than opening its room may take, as a busy
    // database does: the opening fails.
    let release!: () => void
    let locked!: () => void
    const held = new Promise<void>((resolve) => (locked = resolve))
    const holding = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Postmortem" WHERE id = ${id} FOR UPDATE`
        locked()
        await new Promise<void>((resolve) => (release = resolve))
      },
      { timeout: 30_000 },
    )
    await held
    const first = rooms.joinRoom(id, peer).then(
      () => 'opened',
      () => 'failed',
    )
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    release()
    await holding
    expect(await first).toBe('failed')
    // The next person to open it gets it.
    expect(await rooms.joinRoom(id, peer)).toBe(true)
    await rooms.leaveRoom(id, peer)
    await rooms.closeRooms()
  })
})
