'use client'

import { fromBase64 } from 'lib0/buffer'
import * as decoding from 'lib0/decoding'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabSocketUrl, MESSAGE, savedCovers } from '@/lib/collab-protocol'
import { applyDocument } from '@/lib/shared-document/apply-document'
import {
  listFields,
  listOf,
  readDocument,
  scalarsOf,
  setFields,
  setOf,
  textFields,
  textOf,
} from '@/lib/shared-document/postmortem-ydoc'
import type { PostmortemDocument, postmortemDocument } from '@/server/postmortems/schemas'
import { colourOf, usePresence } from '../use-presence'
import { afterPaint } from './after-paint'
import { inIdleTurn } from './idle-turns'
import { keepUnchanged } from './keep-unchanged'
import { openLocalCopy } from './local-copy'

/** What the save state says: the person's text is on its way, safe, or waiting for the network. */
export type SaveState = 'connecting' | 'offline' | 'syncing' | 'saved' | 'invalid'

/**
 * Whether the server has saved everything this browser holds: it changes with nearly every
 * keystroke and every "saved" message, so it is kept outside React's state. Only the parts that
 * show it (the save state, the workflow buttons) re-render when it changes, not the whole editor
 * within the keystroke's task.
 */
class SavedFlag {
  private value = false
  private listeners = new Set<() => void>()
  set(value: boolean) {
    if (value === this.value) return
    this.value = value
    for (const listener of this.listeners) listener()
  }
  get = () => this.value
  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

/** The save state, as things are before "saved or not" (`ready`: connected and valid). */
export type SaveProgress = {
  phase: Exclude<SaveState, 'syncing' | 'saved'> | 'ready'
  saved: SavedFlag
}

/** The save state; re-renders the component that calls it as the text is saved. */
export function useSaveState({ phase, saved }: SaveProgress): SaveState {
  const isSaved = useSyncExternalStore(saved.subscribe, saved.get, saved.get)
  return phase !== 'ready' ? phase : isSaved ? 'saved' : 'syncing'
}

/** Someone in the document (this tab included), from the shared presence. */
export type Presence = {
  clientId: number
  name: string
  color: string
  section: string | null
  self: boolean
}

/** The origin of this tab's own edits: what undo takes back (never another person's). */
export const LOCAL_EDIT = Symbol('local edit')

/** How long the editor says Connecting before it says Offline, when the socket says nothing. */
const NO_ANSWER_MS = 5000

/** How long typing in a long text pauses before the form reads the document again. */
const TEXT_SETTLES_MS = 250

/** Close codes the server ends a connection with (src/lib/collab-socket.ts). */
const SIGNED_OUT = 4401
const ROLE_CHANGED = 4403

function sharedTypes(ydoc: Y.Doc) {
  return [
    scalarsOf(ydoc),
    ...textFields.map((field) => textOf(ydoc, field)),
    ...setFields.map((field) => setOf(ydoc, field)),
    ...listFields.map((list) => listOf(ydoc, list)),
  ]
}

/** The same value as last time when it holds the same (so that memoized parts see no change). */
function useSameWhenEqual<T>(value: T): T {
  const key = JSON.stringify(value)
  // Keyed by what it holds, not by identity: that is the point.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key])
}

/**
 * A postmortem as a shared document: kept in this browser (IndexedDB, so text typed offline
 * survives a reload) and in sync with everyone editing it through the server's socket. The
 * form reads `doc` and writes with `change`, which applies only what differs, as this tab's
 * edit; the long text fields bind to the shared texts themselves (`ydoc`).
 */
export function useSharedDocument({
  number,
  postmortemId,
  sharedState,
  user,
}: {
  number: number
  postmortemId: string
  /** The shared document as the server stores it (a Yjs update, base64). */
  sharedState: string
  user: { id: string; name: string }
}) {
  const [{ ydoc, awareness, undoManager, rendered }] = useState(() => {
    const doc = new Y.Doc()
    const rendered = fromBase64(sharedState)
    Y.applyUpdate(doc, rendered)
    return {
      ydoc: doc,
      rendered,
      // Made here, not by the socket, so that the text editors bind to it as they hydrate. Not
      // on the server: it starts a timer, and the server renders no presence.
      awareness: typeof window === 'undefined' ? null : new Awareness(doc),
      undoManager: new Y.UndoManager(sharedTypes(doc), { trackedOrigins: new Set([LOCAL_EDIT]) }),
    }
  })
  const [doc, setDoc] = useState(() => readDocument(ydoc))
  // Null until the socket first answers: the page opens neither saved nor offline, but connecting.
  const [connected, setConnected] = useState<boolean | null>(null)
  const [saved] = useState(() => new SavedFlag())
  const [failing, setFailing] = useState(false)
  // What the server refused to save, by field (rules only it can check).
  const [refused, setRefused] = useState<Record<string, string>>({})
  const savedState = useRef(new Map<number, number>())
  const router = useRouter()

  useEffect(() => {
    const { local, destroy: closeLocal } = openLocalCopy(
      `hindsight:postmortem:${postmortemId}`,
      ydoc,
      inIdleTurn,
    )
    const socket = new WebsocketProvider(collabSocketUrl(), String(number), ydoc, {
      awareness: awareness ?? undefined,
      disableBc: true,
      // Asks for the server's state now and then: heals a missed update, keeps the line alive.
      resyncInterval: 10_000,
    })
    // Each edit is stored in this browser and sent after the frame that shows it, not in the
    // keystroke's task: on a machine of two cores that also runs the server, the server woke up
    // to store it while the browser drew, and a keystroke took 2–4 ms longer to show (decision 071).
    ydoc.off('update', local._storeUpdate)
    ydoc.off('update', socket._updateHandler)
    const outbox = afterPaint<{ update: Uint8Array; origin: unknown }>((edits) => {
      const merged = (kept: typeof edits) => Y.mergeUpdates(kept.map((edit) => edit.update))
      const toStore = edits.filter((edit) => edit.origin !== local)
      const toSend = edits.filter((edit) => edit.origin !== socket)
      if (toStore.length) local._storeUpdate(merged(toStore), null)
      if (toSend.length) socket._updateHandler(merged(toSend), null)
    })
    const queueEdit = (update: Uint8Array, origin: unknown) => outbox.push({ update, origin })
    ydoc.on('update', queueEdit)
    window.addEventListener('pagehide', outbox.flush)
    const checkSaved = () => saved.set(savedCovers(savedState.current, ydoc))
    socket.messageHandlers[MESSAGE.saved] = (_encoder, decoder) => {
      savedState.current = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
      setFailing(false)
      // The same object when nothing was refused: a new one validated the whole document again.
      setRefused((was) => (Object.keys(was).length ? {} : was))
      checkSaved()
    }
    socket.messageHandlers[MESSAGE.saveFailing] = () => setFailing(true)
    socket.messageHandlers[MESSAGE.refused] = (_encoder, decoder) => {
      const fields: unknown = JSON.parse(decoding.readVarString(decoder))
      if (fields && typeof fields === 'object') setRefused(fields as Record<string, string>)
    }
    socket.awareness.setLocalStateField('user', { name: user.name, color: colourOf(user.id) })
    // A line that neither opens nor fails (a proxy holding it) is offline too, after a while.
    let closed = false
    const noAnswer = setTimeout(() => setConnected((was) => was ?? false), NO_ANSWER_MS)
    socket.on('status', ({ status }) =>
      setConnected((was) => (status === 'connecting' ? was : status === 'connected')),
    )
    socket.on('connection-close', (event) => {
      if (closed) return
      // Also a connection that never opened (the socket says nothing of those).
      setConnected(false)
      if (event?.code === SIGNED_OUT)
        router.push(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`)
      else if (event?.code === ROLE_CHANGED) window.location.reload()
    })
    // The browser knows first that the network is gone: no waiting for the socket to notice.
    const offline = () => socket.disconnect()
    const online = () => socket.connect()
    window.addEventListener('offline', offline)
    window.addEventListener('online', online)
    // Typing in a long text changes only its shared text, which its editor shows itself: the
    // form's copy (what validation and the side panel read) follows once the typing pauses,
    // instead of re-rendering the form on every keystroke. Any other change is read at once.
    const longTexts = new Set<unknown>(textFields.map((field) => textOf(ydoc, field)))
    let pending: ReturnType<typeof setTimeout> | undefined
    const read = () => {
      clearTimeout(pending)
      pending = undefined
      setDoc((prev) => keepUnchanged(prev, readDocument(ydoc)))
    }
    const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if ([...transaction.changed.keys()].every((type) => longTexts.has(type))) {
        clearTimeout(pending)
        pending = setTimeout(read, TEXT_SETTLES_MS)
      } else read()
      checkSaved()
    }
    ydoc.on('update', onUpdate)
    return () => {
      closed = true
      clearTimeout(noAnswer)
      clearTimeout(pending)
      window.removeEventListener('offline', offline)
      window.removeEventListener('online', online)
      ydoc.off('update', onUpdate)
      ydoc.off('update', queueEdit)
      window.removeEventListener('pagehide', outbox.flush)
      outbox.flush()
      socket.destroy()
      void closeLocal()
    }
  }, [number, postmortemId, ydoc, awareness, user.id, user.name, router, saved])

  useEffect(() => () => undoManager.destroy(), [undoManager])

  // The document's schema (zod, about 100 KB of script) loads after the page: the page opens
  // without it, and the server checks every save anyway (decision 060).
  const [schema, setSchema] = useState<typeof postmortemDocument>()
  useEffect(() => {
    if (schema) return
    let live = true
    void import('@/server/postmortems/schemas').then(
      ({ postmortemDocument }) => live && setSchema(() => postmortemDocument),
    )
    return () => {
      live = false
    }
  }, [schema])

  const issues = useSameWhenEqual(
    useMemo(() => {
      if (!schema) return {}
      const parsed = schema.safeParse(doc)
      return parsed.success
        ? refused
        : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
    }, [doc, refused, schema]),
  )

  const phase: SaveProgress['phase'] =
    connected === null
      ? 'connecting'
      : Object.keys(issues).length
        ? 'invalid'
        : !connected || failing
          ? 'offline'
          : 'ready'
  const save = useMemo(() => ({ phase, saved }), [phase, saved])

  const change = useCallback(
    (next: PostmortemDocument) => {
      applyDocument(ydoc, next, LOCAL_EDIT)
    },
    [ydoc],
  )

  const people = usePresence(awareness)

  /** Tells the others which section this person is in. */
  const enterSection = useCallback(
    (section: string | null) => {
      if (awareness?.getLocalState()?.section !== section) awareness?.setLocalStateField('section', section)
    },
    [awareness],
  )

  return {
    ydoc,
    /** The shared state the page was rendered from: typing before the editors load merges with it. */
    rendered,
    awareness,
    undoManager,
    doc,
    change,
    /** The save state's parts; `useSaveState(save)` reads it. */
    save,
    fieldErrors: issues as Record<string, string>,
    people,
    enterSection,
  }
}
