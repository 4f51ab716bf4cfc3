import 'server-only'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { sessionActorOf } from '@/server/auth/current-user'
import { liveRooms, type LiveRooms, type Peer } from '@/server/collab/live-rooms'
import { openSharedDocument } from '@/server/collab/open-shared-document'
import type { Actor } from '@/server/roles'
import { socketOriginRefusal } from './request-guard'
import type { UpgradeEndpoint } from './upgrade-handlers'

/*
 * The co-editing endpoint, /collab/<postmortem number>: a WebSocket speaking the y-websocket
 * protocol, on the pages' own port (scripts/server.ts). The handshake is refused like any
 * request — another origin 403, no session 401, a postmortem this person may not read 404 —
 * and the session is looked at again every SESSION_CHECK_MS: someone signed out or deactivated
 * is disconnected, a role change reconnects them with the new rights.
 */

/** Close codes the editor tells apart (4000–4999 are the application's). */
export const CLOSE = {
  signedOut: 4401,
  roleChanged: 4403,
  badMessage: 1003,
  goingAway: 1001,
  tryAgain: 1013,
} as const
/** Bounds one frame: a pasted retro is a few hundred kB; the whole API body limit is 1 MB. */
const MAX_FRAME = 2 * 1024 * 1024

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function requestOf(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v)
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { headers })
}

const asBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data as ArrayBuffer)

export function collabEndpoint({
  sessionCheckMs = 10_000,
  rooms = liveRooms,
}: { sessionCheckMs?: number; rooms?: LiveRooms } = {}): UpgradeEndpoint {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME })

  function serve(ws: WebSocket, request: Request, postmortemId: string, actor: Actor, readOnly: boolean) {
    const peer: Peer = { actor, readOnly, send: (data) => ws.readyState === ws.OPEN && ws.send(data) }
    const joined = rooms.joinRoom(postmortemId, peer)
    // The room could not be opened (the database slow or away): the editor reconnects and the
    // next try opens it afresh.
    joined.catch((error: unknown) => {
      console.error('Live editing: a room failed to open:', error)
      ws.close(CLOSE.tryAgain, 'Try again')
    })
    ws.on('message', (data) => {
      void joined
        .then(() => rooms.receive(postmortemId, peer, asBytes(data)))
        .catch(() => ws.close(CLOSE.badMessage, 'Malformed message'))
    })
    const check = setInterval(() => {
      sessionActorOf(request.headers).then(
        (now) => {
          if (!now) ws.close(CLOSE.signedOut, 'Signed out')
          else if (now.role !== actor.role) ws.close(CLOSE.roleChanged, 'Role changed')
        },
        // The database is unreachable: not a sign-out. The editor stays connected (its changes
        // wait to be stored) and the session is looked at again next time.
        () => {},
      )
    }, sessionCheckMs)
    ws.on('close', () => {
      clearInterval(check)
      void joined.then(
        () => rooms.leaveRoom(postmortemId, peer),
        () => {},
      )
    })
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    void (async () => {
      const request = requestOf(req)
      if (socketOriginRefusal(request)) return refuse(socket, 403, 'Forbidden')
      const number = /^\/collab\/(\d{1,9})$/.exec(new URL(request.url).pathname)?.[1]
      if (!number) return refuse(socket, 404, 'Not Found')
      const actor = await sessionActorOf(request.headers)
      if (!actor) return refuse(socket, 401, 'Unauthorized')
      const opened = await openSharedDocument({ actor, number: Number(number), load: rooms.liveDocument })
      if (!opened.ok) return refuse(socket, 404, 'Not Found')
      const { postmortemId, readOnly } = opened.data
      sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, request, postmortemId, actor, readOnly))
    })().catch((error: unknown) => {
      console.error('Live editing: a connection failed:', error)
      refuse(socket, 503, 'Service Unavailable')
    })
  }

  async function close() {
    for (const ws of sockets.clients) ws.close(CLOSE.goingAway, 'Server stopping')
    await rooms.closeRooms()
  }

  return { upgrade, close }
}
