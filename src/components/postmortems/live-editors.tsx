'use client'

import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { PresenceBar } from './presence-bar'
import { usePresence } from './use-presence'

/**
 * Who is editing this postmortem right now, on its read page ("Li Wei is editing Root cause").
 * Follows the shared document's presence without showing the reader to the editors. Yjs and
 * its socket (about 130 KB of script) load once the page is up: nothing shows until someone
 * edits, and the page reads without them (decision 060).
 */
export function LiveEditors({ number }: { number: number }) {
  const [provider, setProvider] = useState<WebsocketProvider | null>(null)
  useEffect(() => {
    let socket: WebsocketProvider | undefined
    let live = true
    void Promise.all([import('y-websocket'), import('yjs'), import('@/lib/collab-protocol')]).then(
      ([{ WebsocketProvider }, Y, { collabSocketUrl, MESSAGE }]) => {
        if (!live) return
        socket = new WebsocketProvider(collabSocketUrl(), String(number), new Y.Doc(), {
          disableBc: true,
          resyncInterval: 10_000,
        })
        socket.awareness.setLocalState(null)
        // The server also tells the room what is saved; a reader has nothing to save (y-websocket
        // logs every kind of message it has no handler for).
        for (const kind of [MESSAGE.saved, MESSAGE.saveFailing, MESSAGE.refused])
          socket.messageHandlers[kind] = () => {}
        setProvider(socket)
      },
    )
    return () => {
      live = false
      socket?.doc.destroy()
      socket?.destroy()
    }
  }, [number])
  const people = usePresence(provider?.awareness ?? null)
  return <PresenceBar people={people} />
}
