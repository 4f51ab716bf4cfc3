'use client'

import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE } from '@/lib/collab-protocol'
import { PresenceBar } from './presence-bar'
import { usePresence } from './use-presence'

/**
 * Who is editing this postmortem right now, on its read page ("Li Wei is editing Root cause").
 * Follows the shared document's presence without showing the reader to the editors.
 */
export function LiveEditors({ number }: { number: number }) {
  const [provider, setProvider] = useState<WebsocketProvider | null>(null)
  useEffect(() => {
    const { protocol, host } = window.location
    const socket = new WebsocketProvider(
      `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/collab`,
      String(number),
      new Y.Doc(),
      { disableBc: true, resyncInterval: 10_000 },
    )
    socket.awareness.setLocalState(null)
    // The server also tells the room what is saved; a reader has nothing to save (y-websocket
    // logs every kind of message it has no handler for).
    for (const kind of [MESSAGE.saved, MESSAGE.saveFailing, MESSAGE.refused])
      socket.messageHandlers[kind] = () => {}
    // The socket is opened here and handed to render once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProvider(socket)
    return () => {
      socket.doc.destroy()
      socket.destroy()
    }
  }, [number])
  const people = usePresence(provider?.awareness ?? null)
  return <PresenceBar people={people} />
}
