import 'server-only'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { MESSAGE } from '@/lib/collab-protocol'
import { db } from '../db'
import type { Actor } from '../roles'
import { compactUpdates } from './compact-updates'
import { deriveFromYDoc } from './derive-from-ydoc'
import { loadYDoc } from './load-ydoc'
import { announce, listen, type Listener, type RelayMessage } from './relay'
import { storeUpdate, type UpdateOrigin } from './store-update'

/*
 * The postmortems being edited live in this server process: one shared document per postmortem
 * (a room), the people following it (peers), their presence. Peers speak the y-websocket
 * protocol (a sync message or an awareness message per frame). Every change a writer sends is
 * stored before anything else, passed on to the others, and the structured tables are derived
 * from the document a second after the last change and when the last person leaves
 * (docs/decisions/019-co-editing.md). Other instances on the same server Postgres holding the
 * same room get every stored update and presence change through the relay (relay.ts).
 */

const {
  sync: SYNC,
  awareness: AWARENESS,
  saved: SAVED,
  saveFailing: SAVE_FAILING,
  refused: REFUSED,
} = MESSAGE
/** The tables follow the document this long after its last change (the issue asks ≤ 2 s). */
const DERIVE_AFTER_MS = 1_000
/** While the database is unreachable, storing and deriving are tried again this often (at most). */
const RETRY_MAX_MS = 5_000

/** One browser tab following a postmortem. */
export type Peer = { actor: Actor; readOnly: boolean; send(message: Uint8Array): void }

type Room = {
  postmortemId: string
  ydoc: Y.Doc
  awareness: awarenessProtocol.Awareness
  /** Each peer's presence ids (a tab has one; a reconnect may bring another). */
  peers: Map<Peer, Set<number>>
  /** Whose edits the next derive writes (the last writer's name on the saved version). */
  writer: Actor | null
  deriveTimer: ReturnType<typeof setTimeout> | null
  /** Peers' updates not yet taken by a store, in arrival order. */
  unstored: { update: Uint8Array; origin: UpdateOrigin }[]
  /** Whether a store is queued that has not started yet (it takes every unstored update). */
  storeQueued: boolean
  /** Stores (and compactions) in the order they were started. */
  work: Promise<unknown>
  /** Derives, in order, each after the stores queued before it. */
  deriving: Promise<unknown>
}

/** What changed the document or presence on another instance. */
const RELAYED = Symbol('relayed')

function message(kind: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kind)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function broadcast(room: Room, data: Uint8Array, except?: Peer) {
  for (const peer of room.peers.keys()) if (peer !== except) peer.send(data)
}

/**
 * The document's content goes to writers only: what a viewer may read is the published version
 * in the tables, and the shared document of a published postmortem is its unpublished next
 * version (docs/decisions/025). Viewers follow presence.
 */
function broadcastContent(room: Room, data: Uint8Array, except?: Peer) {
  for (const peer of room.peers.keys()) if (peer !== except && !peer.readOnly) peer.send(data)
}

/** Runs after everything queued before it; a failure is logged, not passed on to the next. */
function enqueue(room: Room, task: () => Promise<unknown>) {
  room.work = room.work.then(task).catch((error: unknown) => console.error('Live editing:', error))
  return room.work
}

/** Tells peers that everything up to this state is saved (stored and in the tables). */
function savedMessage(state: Uint8Array) {
  return message(SAVED, (e) => encoding.writeVarUint8Array(e, state))
}

/**
 * Stores one update, trying again while the database is unreachable: an update is never
 * dropped from the queue (the ones after it wait), and the peers are told saving is failing.
 */
async function storeUntilStored(room: Room, store: () => Promise<unknown>) {
  for (let wait = 250; ; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
    try {
      return await store()
    } catch (error) {
      // Once per outage in the log, not once per try.
      if (wait === 250) console.error('Live editing: an update could not be stored yet:', String(error))
      broadcast(
        room,
        message(SAVE_FAILING, () => {}),
      )
      await sleep(wait)
    }
  }
}

/** Consecutive updates of one writer merged into one (a row each). */
function mergeRuns(updates: Room['unstored']): Room['unstored'] {
  const runs: { origin: UpdateOrigin; updates: Uint8Array[] }[] = []
  for (const { update, origin } of updates)
    if (runs.at(-1)?.origin === origin) runs.at(-1)!.updates.push(update)
    else runs.push({ origin, updates: [update] })
  return runs.map(({ origin, updates }) => ({
    origin,
    update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
  }))
}

/**
 * Stores a peer's update. Updates that arrive while a store is running are stored together by
 * the next one (a row per writer), so storing keeps up with any number of typists: one row per
 * keystroke, each a round trip to the database, fell behind by seconds with 20 people typing on
 * a busy machine (bench:collab), and every other instance saw their typing that late.
 */
function queueStore(room: Room, update: Uint8Array, origin: UpdateOrigin, from: string) {
  room.unstored.push({ update, origin })
  if (room.storeQueued) return
  room.storeQueued = true
  void enqueue(room, async () => {
    room.storeQueued = false
    for (const run of mergeRuns(room.unstored.splice(0)))
      await storeUntilStored(room, () =>
        storeUpdate(db, { postmortemId: room.postmortemId, update: run.update, origin: run.origin, from }),
      )
  })
}

/**
 * Derives the tables from the document once the updates stored before this point are stored,
 * on a queue of its own: a derive (a transaction rewriting the postmortem) never holds up the
 * stores behind it, which are what other instances wait for.
 */
function derive(room: Room): Promise<unknown> {
  if (room.deriveTimer) clearTimeout(room.deriveTimer)
  room.deriveTimer = null
  const actor = room.writer
  // The updates stored before this point are what the derive is sure to hold.
  const state = Y.encodeStateVector(room.ydoc)
  const stored = room.work
  const then = (task: () => Promise<unknown>) =>
    (room.deriving = room.deriving
      .then(() => stored)
      .then(task)
      .catch((error: unknown) => console.error('Live editing:', error)))
  // Only changes stored and derived by whoever made them (the JSON API, another instance).
  if (!actor) return then(async () => broadcast(room, savedMessage(state)))
  return then(async () => {
    try {
      const derived = await deriveFromYDoc({ actor, postmortemId: room.postmortemId, ydoc: room.ydoc })
      if (derived.ok) broadcast(room, savedMessage(state))
      // Another instance kept saving the same postmortem in between: not the editors' problem.
      else if (derived.error.code === 'CONFLICT') {
        if (room.peers.size) deriveLater(room)
      }
      // An invalid document is derived once it is valid again; the editors are told what to fix.
      else
        broadcast(
          room,
          message(REFUSED, (e) =>
            encoding.writeVarString(e, JSON.stringify(derived.error.fields ?? { '': derived.error.code })),
          ),
        )
    } catch (error) {
      console.error('Live editing: the tables could not follow the document yet:', error)
      broadcast(
        room,
        message(SAVE_FAILING, () => {}),
      )
      if (room.peers.size) deriveLater(room, RETRY_MAX_MS)
    }
  })
}

/** Derives once `ms` from now, unless a derive is already due. */
function deriveLater(room: Room, ms = DERIVE_AFTER_MS) {
  room.deriveTimer ??= setTimeout(() => void derive(room), ms)
}

function isPeerOf(room: Room, origin: unknown): origin is Peer {
  return room.peers.has(origin as Peer)
}

/** Everything stored for a postmortem, applied to a room's document (Yjs skips what it has). */
async function applyStored(room: Room) {
  const rows = await db.documentUpdate.findMany({
    where: { postmortemId: room.postmortemId },
    select: { update: true },
  })
  if (rows.length) Y.applyUpdate(room.ydoc, Y.mergeUpdates(rows.map((r) => r.update)), RELAYED)
}

export type LiveRooms = ReturnType<typeof createLiveRooms>

/** The rooms of one app instance (one per process; tests make two to stand for two instances). */
export function createLiveRooms() {
  const instance = randomUUID()
  const rooms = new Map<string, Promise<Room | null>>()
  let listener: Listener | null | undefined

  /**
   * The room of a postmortem, opened by its first peer. One that failed to open (the database
   * slow or away) is forgotten, so that the next peer tries afresh instead of failing with it.
   */
  function opening(postmortemId: string): Promise<Room | null> {
    const known = rooms.get(postmortemId)
    if (known) return known
    const opened = openRoom(postmortemId)
    rooms.set(postmortemId, opened)
    opened.catch(() => rooms.get(postmortemId) === opened && rooms.delete(postmortemId))
    return opened
  }

  /** A room, once open; undefined while none is (or its opening failed). */
  const openedRoom = (postmortemId: string) => rooms.get(postmortemId)?.catch(() => null)

  function onRelayed(relayed: RelayMessage) {
    if (relayed.from === instance) return
    void openedRoom(relayed.postmortemId)?.then(async (room) => {
      if (!room) return
      if (relayed.kind === 'presence')
        return awarenessProtocol.applyAwarenessUpdate(
          room.awareness,
          Buffer.from(relayed.presence, 'base64'),
          RELAYED,
        )
      const row = await db.documentUpdate.findUnique({ where: { id: BigInt(relayed.id) } })
      // Compacted away since: the merged row holds it.
      if (row) Y.applyUpdate(room.ydoc, row.update, RELAYED)
      else await applyStored(room)
    })
  }

  /** Listening starts with the first room (never in a build); after a reconnect, rooms catch up. */
  function relay() {
    listener ??= listen(onRelayed, () => {
      for (const postmortemId of rooms.keys())
        void openedRoom(postmortemId)?.then((room) => room && applyStored(room))
    })
  }

  async function openRoom(postmortemId: string): Promise<Room | null> {
    relay()
    const ydoc = await loadYDoc(postmortemId)
    if (!ydoc) return null
    const awareness = new awarenessProtocol.Awareness(ydoc)
    awareness.setLocalState(null) // the server itself is nobody
    const room: Room = {
      postmortemId,
      ydoc,
      awareness,
      peers: new Map(),
      writer: null,
      deriveTimer: null,
      unstored: [],
      storeQueued: false,
      work: Promise.resolve(),
      deriving: Promise.resolve(),
    }
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      const fromPeer = isPeerOf(room, origin)
      broadcastContent(
        room,
        message(SYNC, (e) => syncProtocol.writeUpdate(e, update)),
        fromPeer ? origin : undefined,
      )
      // What else changes the document (a PUT, another instance) stores and derives it itself;
      // the peers hear that it is saved after the derive that follows.
      if (!fromPeer) {
        deriveLater(room)
        return
      }
      room.writer = origin.actor
      queueStore(room, update, `user:${origin.actor.id}`, instance)
      // Not pushed back by further typing: the tables are never more than a second behind.
      deriveLater(room)
    })
    awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (isPeerOf(room, origin)) {
          const owned = room.peers.get(origin)!
          for (const id of added) owned.add(id)
          for (const id of removed) owned.delete(id)
          // A name shown beside a cursor is the signed-in person's, whatever the tab says.
          for (const id of [...added, ...updated]) {
            const state = awareness.states.get(id)
            if (state)
              awareness.states.set(id, { ...state, user: { ...state.user, name: origin.actor.name } })
          }
        }
        const changed = awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed])
        broadcast(
          room,
          message(AWARENESS, (e) => encoding.writeVarUint8Array(e, changed)),
        )
        if (origin !== RELAYED)
          void announce({
            kind: 'presence',
            postmortemId,
            presence: Buffer.from(changed).toString('base64'),
            from: instance,
          }).catch(() => {}) // presence is renewed every few seconds anyway
      },
    )
    return room
  }

  /** Joins a postmortem's room (opening it on the first peer): the peer is sent the state to sync from. */
  async function joinRoom(postmortemId: string, peer: Peer): Promise<boolean> {
    const room = await opening(postmortemId)
    if (!room) {
      rooms.delete(postmortemId)
      return false
    }
    room.peers.set(peer, new Set())
    if (!peer.readOnly) peer.send(message(SYNC, (e) => syncProtocol.writeSyncStep1(e, room.ydoc)))
    // Nothing waiting to be derived: the tables hold what the document holds once the stores
    // and the derive under way now are done (else the coming derive says so).
    if (!room.deriveTimer) {
      const state = Y.encodeStateVector(room.ydoc)
      void Promise.all([room.work, room.deriving]).then(() => peer.send(savedMessage(state)))
    }
    const present = [...room.awareness.getStates().keys()]
    if (present.length)
      peer.send(
        message(AWARENESS, (e) =>
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(room.awareness, present)),
        ),
      )
    return true
  }

  /** The document a live room holds, if one is open in this instance, else the stored one. */
  async function liveDocument(postmortemId: string): Promise<Y.Doc | null> {
    const room = await openedRoom(postmortemId)
    return room?.ydoc ?? loadYDoc(postmortemId)
  }

  /**
   * One frame from a peer. A viewer shares presence only: it neither gets the document (on a
   * published postmortem, its unpublished next version) nor changes it. Throws on a malformed frame (the socket is then closed).
   */
  async function receive(postmortemId: string, peer: Peer, data: Uint8Array) {
    const room = await openedRoom(postmortemId)
    if (!room?.peers.has(peer)) return
    const decoder = decoding.createDecoder(data)
    const kind = decoding.readVarUint(decoder)
    if (kind === SYNC) {
      // A viewer neither writes nor reads the document here (broadcastContent).
      if (peer.readOnly) return
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, SYNC)
      syncProtocol.readSyncMessage(decoder, reply, room.ydoc, peer)
      if (encoding.length(reply) > 1) peer.send(encoding.toUint8Array(reply))
    } else if (kind === AWARENESS)
      awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), peer)
    else throw new Error(`Unknown message kind ${kind}`)
  }

  /**
   * A peer left (or was sent away). When it was the last one, the tables are derived now, the
   * stored updates compacted, and the room closed — unless someone joined meanwhile.
   */
  async function leaveRoom(postmortemId: string, peer: Peer) {
    const room = await openedRoom(postmortemId)
    if (!room) return
    const presence = room.peers.get(peer)
    if (!presence) return
    room.peers.delete(peer)
    awarenessProtocol.removeAwarenessStates(room.awareness, [...presence], null)
    if (room.peers.size) return
    await derive(room)
    await enqueue(room, () => compactUpdates(postmortemId))
    if (room.peers.size) return
    rooms.delete(postmortemId)
    room.awareness.destroy()
    room.ydoc.destroy()
  }

  /** The instance is stopping: every open room's tables are derived and its updates compacted. */
  async function closeRooms() {
    for (const postmortemId of rooms.keys()) {
      const room = await openedRoom(postmortemId)
      rooms.delete(postmortemId)
      if (!room) continue
      await derive(room)
      await enqueue(room, () => compactUpdates(postmortemId))
    }
    await listener?.close()
    listener = undefined
  }

  /** Derives the tables now and waits for everything started before (tests). */
  async function flushRoom(postmortemId: string) {
    const room = await openedRoom(postmortemId)
    if (room) await derive(room)
  }

  return { joinRoom, liveDocument, receive, leaveRoom, closeRooms, flushRoom }
}

/** This process's rooms: the socket endpoint's and putDocument's. */
export const liveRooms: LiveRooms = ((globalThis as { hindsightLiveRooms?: LiveRooms }).hindsightLiveRooms ??=
  createLiveRooms())
