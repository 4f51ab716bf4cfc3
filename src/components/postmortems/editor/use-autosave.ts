'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { callApi } from '@/lib/api-client'
import type { PostmortemDocument } from '@/server/postmortems/schemas'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'invalid' | 'error'
export type Theirs = { version: number; updatedBy: string | null; document: PostmortemDocument }
/** The conflict: their version, and the last version this editor had saved (the common base). */
export type Conflict = Theirs & { base: PostmortemDocument }
type Stored = { baseVersion: number; document: PostmortemDocument; at: number }

const DEBOUNCE_MS = 800
const MAX_RETRY_MS = 10_000
const storageKey = (number: number) => `hindsight:postmortem:${number}`
const sameDoc = (a: PostmortemDocument, b: PostmortemDocument) => JSON.stringify(a) === JSON.stringify(b)

function readStored(number: number): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey(number))
    return raw ? (JSON.parse(raw) as Stored) : null
  } catch {
    return null
  }
}

/**
 * Keeps a postmortem document saved: every change goes to localStorage at once (so a
 * closed tab or a dead network loses nothing), and to the server after a short pause, on
 * leaving a field, when the tab is hidden, and by a keepalive request when the page goes away.
 * Each save carries the version it was based on; a 409 stops saving and hands both
 * versions to the merge view.
 */
export function useAutosave({
  number,
  initialVersion,
  initialDocument,
}: {
  number: number
  initialVersion: number
  initialDocument: PostmortemDocument
}) {
  const [doc, setDoc] = useState(initialDocument)
  const [state, setState] = useState<SaveState>('saved')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [theirs, setTheirs] = useState<Conflict | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [restored, setRestored] = useState(false)

  // What the save loop works from; refs, so that timers and listeners see the latest.
  const live = useRef({
    doc: initialDocument,
    version: initialVersion,
    sent: initialDocument,
    inFlight: false,
    blocked: false,
    retryMs: 1_000,
  })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const router = useRouter()
  // The save loop re-arms itself through this ref (a callback cannot name itself).
  const saveRef = useRef<() => Promise<void>>(async () => {})
  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void saveRef.current(), ms)
  }, [])

  const store = useCallback(
    (next: PostmortemDocument, baseVersion: number) => {
      try {
        localStorage.setItem(
          storageKey(number),
          JSON.stringify({ baseVersion, document: next, at: Date.now() }),
        )
      } catch {
        // Storage full or disabled: the server save still happens.
      }
    },
    [number],
  )

  const save = useCallback(async (): Promise<void> => {
    const s = live.current
    clearTimeout(timer.current)
    if (s.inFlight || s.blocked) return
    if (sameDoc(s.doc, s.sent)) return setState('saved')
    const sending = s.doc
    s.inFlight = true
    setState('saving')
    let retry = false
    let databaseDown = false
    try {
      const answer = await callApi('PUT /api/v1/postmortems/:number', {
        params: { number },
        body: { baseVersion: s.version, document: sending },
      })
      const current = answer.ok ? undefined : answer.error.current
      if (answer.ok && answer.data.version) {
        s.version = answer.data.version
        s.sent = sending
        s.retryMs = 1_000
        setSavedAt(new Date(answer.data.updatedAt ?? Date.now()))
        setFieldErrors({})
        if (sameDoc(s.doc, sending)) {
          localStorage.removeItem(storageKey(number))
          setState('saved')
        } else {
          store(s.doc, s.version)
          retry = true // typed while this save was on its way
        }
      } else if (answer.status === 409 && current && sameDoc(current.document, sending)) {
        // The newer version already holds exactly this text (our own keepalive save from a
        // closed tab got there first): not a conflict. Continue on top of it.
        s.version = current.version
        s.sent = sending
        if (sameDoc(s.doc, sending)) {
          localStorage.removeItem(storageKey(number))
          setState('saved')
        } else retry = true
      } else if (answer.status === 409 && current) {
        s.blocked = true
        setTheirs({ ...current, base: s.sent })
        setState('conflict')
      } else if (!answer.ok && answer.status === 422) {
        const errors: Record<string, string> = { ...answer.error.fields }
        for (const issue of answer.error.issues ?? [])
          errors[issue.path.replace(/^document\./, '')] ??= issue.message
        setFieldErrors(errors)
        setState('invalid') // saved again on the next change
      } else if (answer.status === 401) {
        router.push(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`)
      } else {
        databaseDown = answer.status === 503
        throw new Error(`HTTP ${answer.status}`)
      }
    } catch {
      // Network down, or the server cannot reach its database (503): keep the text, retry.
      // Both are "offline" to the person typing: nothing they can do but wait, nothing lost.
      setState(!navigator.onLine || databaseDown ? 'offline' : 'error')
      schedule(s.retryMs)
      s.retryMs = Math.min(s.retryMs * 2, MAX_RETRY_MS)
    } finally {
      s.inFlight = false
    }
    if (retry) schedule(DEBOUNCE_MS)
  }, [number, store, schedule, router])

  useEffect(() => {
    saveRef.current = save
  }, [save])

  const change = useCallback(
    (next: PostmortemDocument) => {
      const s = live.current
      s.doc = next
      setDoc(next)
      store(next, s.version)
      if (s.blocked) return
      setState((current) => (current === 'offline' || current === 'error' ? current : 'dirty'))
      schedule(DEBOUNCE_MS)
    },
    [schedule, store],
  )

  /** After a merge: continue on top of their version with the merged document. */
  const resolveConflict = useCallback(
    (merged: PostmortemDocument) => {
      if (!theirs) return
      const s = live.current
      s.version = theirs.version
      s.sent = theirs.document
      s.blocked = false
      setTheirs(null)
      change(merged)
      void save()
    },
    [theirs, change, save],
  )

  // On load: restore what this browser had not saved yet, or open the merge view when the
  // server moved on in the meantime.
  useEffect(() => {
    const stored = readStored(number)
    if (!stored || sameDoc(stored.document, initialDocument)) {
      localStorage.removeItem(storageKey(number))
      return
    }
    // Syncing from an external store (localStorage) that the server render cannot see.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestored(true)
    if (stored.baseVersion === initialVersion) return change(stored.document)
    live.current.doc = stored.document
    live.current.blocked = true
    setDoc(stored.document)
    setTheirs({ version: initialVersion, updatedBy: null, document: initialDocument, base: initialDocument })
    setState('conflict')
    // Runs once, with the server's version of the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const online = () => {
      live.current.retryMs = 1_000
      void save()
    }
    const offline = () => setState((current) => (current === 'saved' ? current : 'offline'))
    const hidden = () => {
      if (window.document.visibilityState === 'hidden') void save()
    }
    // The page is going away: a keepalive request is delivered even after the tab is gone.
    // Not sendBeacon: it can only POST, and the API takes the exact method (decision 013).
    const leaving = () => {
      const s = live.current
      if (s.blocked || sameDoc(s.doc, s.sent)) return
      void callApi('PUT /api/v1/postmortems/:number', {
        params: { number },
        body: { baseVersion: s.version, document: s.doc },
        keepalive: true,
      })
    }
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    window.addEventListener('pagehide', leaving)
    window.document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      window.removeEventListener('pagehide', leaving)
      window.document.removeEventListener('visibilitychange', hidden)
    }
  }, [save, number])

  return { doc, change, flush: save, state, savedAt, theirs, resolveConflict, fieldErrors, restored }
}
