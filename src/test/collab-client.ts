import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MESSAGE, savedCovers } from '@/lib/collab-protocol'

/**
 * A browser tab's side of the co-editing protocol (y-websocket's messages), for tests that
 * talk to the real endpoint over a real socket: a Y.Doc kept in sync, presence, the close code.
 */
export type CollabClient = {
  ydoc: Y.Doc
  awareness: awarenessProtocol.Awareness
  /** Resolves once the server's state has arrived. */
  synced: Promise<void>
  /** Whether the server said everything this document holds is saved (stored and in the tables). */
  isSaved(): boolean
  /** Resolves with the close code when the server ends the connection. */
  closed: Promise<number>
  close(): void
}

const REMOTE = Symbol('remote')

export function connectCollab(url: string, headers: Record<string, string>): CollabClient {
  const ydoc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(ydoc)
  const ws = new WebSocket(url, { headers })
  const send = (kind: number, write: (e: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kind)
    write(encoder)
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder))
  }
  let saved = new Map<number, number>()
  let markSynced!: () => void
  const synced = new Promise<void>((resolve) => (markSynced = resolve))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  ws.on('open', () => send(0, (e) => syncProtocol.writeSyncStep1(e, ydoc)))
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    const kind = decoding.readVarUint(decoder)
    if (kind === 0) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      const type = syncProtocol.readSyncMessage(decoder, reply, ydoc, REMOTE)
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply))
      if (type === syncProtocol.messageYjsSyncStep2) markSynced()
    } else if (kind === 1)
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), REMOTE)
    else if (kind === MESSAGE.saved) saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
  })
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) send(0, (e) => syncProtocol.writeUpdate(e, update))
  })
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === REMOTE) return
    const changed = [...added!, ...updated!, ...removed!]
    send(1, (e) =>
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed)),
    )
  })
  return { ydoc, awareness, synced, closed, close: () => ws.close(), isSaved: () => savedCovers(saved, ydoc) }
}

/** The HTTP status a refused handshake got. */
export function handshakeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('error', (error) => (error.message.includes('Unexpected server response') ? null : reject(error)))
  })
}
