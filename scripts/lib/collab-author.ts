// One simulated author of bench:collab: a real y-websocket client (WebsocketProvider, as the
// browser's editor uses) over a Node WebSocket carrying the author's session cookie, typing
// unique markers into the shared document at a steady pace, and noting when it first sees
// every other author's marker.
import * as decoding from 'lib0/decoding'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE, savedCovers } from '../../src/lib/collab-protocol'
import { insertionPoint, MARKER_FIELDS, markerOf, markersIn } from './markers'

/** When each marker was typed (shared by every author of a run: one clock, one process). */
export type Typed = Map<string, { at: number; author: number; instance: number }>

export type CollabAuthor = {
  author: number
  number: number
  ydoc: Y.Doc
  /** The markers this author typed. */
  markers: string[]
  /** The instance this author is connected to now (it moves when one goes away). */
  instance(): number
  /** Times from another author's edit until this author saw it: [ms, the typist's instance]. */
  seen: { ms: number; from: number; on: number }[]
  /** Whether the server said everything this document holds is stored and in the tables. */
  isSaved(): boolean
  connected(): boolean
  reconnects(): number
  /** Every marker in this author's copy of the document. */
  texts(): string[]
  /** Types one marker at a random word start of a random long text. */
  type(): string
  close(): void
}

/**
 * `instances` are the app instances' base URLs; `alive(i)` says whether one still runs: the
 * author (re)connects to its own instance when it is up, else to the next one that is — as
 * behind a load balancer that stopped sending traffic to a dead instance.
 */
export function collabAuthor({
  author,
  number,
  home,
  instances,
  alive,
  cookie,
  typed,
}: {
  author: number
  number: number
  home: number
  instances: string[]
  alive: (instance: number) => boolean
  cookie: string
  typed: Typed
}): CollabAuthor {
  const ydoc = new Y.Doc()
  const markers: string[] = []
  const seen: CollabAuthor['seen'] = []
  const noticed = new Set<string>()
  let current = home
  let reconnects = -1
  let saved = new Map<number, number>()

  const pick = () => {
    for (let i = 0; i < instances.length; i++) {
      const candidate = (home + i) % instances.length
      if (alive(candidate)) return candidate
    }
    return home
  }
  /** The socket the provider opens: to a live instance, with the author's cookie and the app's origin. */
  class AuthorSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      current = pick()
      reconnects++
      const base = instances[current]!
      const path = new URL(url).pathname
      super(`${base.replace(/^http/, 'ws')}${path}`, protocols ?? [], {
        headers: { cookie, origin: base },
      })
    }
  }

  const provider = new WebsocketProvider(`ws://unused/collab`, String(number), ydoc, {
    WebSocketPolyfill: AuthorSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1_000,
  })
  provider.messageHandlers[MESSAGE.saved] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
  }
  provider.messageHandlers[MESSAGE.saveFailing] = () => {}
  provider.messageHandlers[MESSAGE.refused] = (_encoder, decoder) => {
    console.error(
      `[bench] author ${author}: the server refused the document: ${decoding.readVarString(decoder)}`,
    )
  }

  for (const field of MARKER_FIELDS)
    ydoc.getText(field).observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const op of event.delta)
        if (typeof op.insert === 'string')
          for (const marker of markersIn(op.insert)) {
            if (noticed.has(marker)) continue
            noticed.add(marker)
            const origin = typed.get(marker)
            if (origin && origin.author !== author)
              seen.push({ ms: now - origin.at, from: origin.instance, on: current })
          }
    })

  return {
    author,
    number,
    ydoc,
    markers,
    seen,
    instance: () => current,
    isSaved: () => savedCovers(saved, ydoc),
    connected: () => provider.wsconnected && provider.synced,
    reconnects: () => Math.max(0, reconnects),
    texts: () => MARKER_FIELDS.map((f) => ydoc.getText(f).toString()),
    type() {
      const marker = markerOf(author, markers.length)
      const text = ydoc.getText(MARKER_FIELDS[Math.floor(Math.random() * MARKER_FIELDS.length)]!)
      typed.set(marker, { at: performance.now(), author, instance: current })
      markers.push(marker)
      noticed.add(marker)
      text.insert(insertionPoint(text.toString(), Math.random()), `${marker} `)
      return marker
    },
    close() {
      provider.destroy()
      ydoc.destroy()
    },
  }
}
