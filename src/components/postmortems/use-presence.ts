'use client'

import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'

/** Someone in a postmortem (this tab included), from the shared presence. */
export type Presence = {
  clientId: number
  name: string
  color: string
  section: string | null
  self: boolean
}

/** Colours for cursors and presence, readable as text on white (≥ 4.5:1). */
const COLOURS = ['#b91c1c', '#1d4ed8', '#047857', '#7e22ce', '#b45309', '#be185d', '#0e7490', '#4d7c0f']
export function colourOf(id: string) {
  let hash = 0
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0
  return COLOURS[Math.abs(hash) % COLOURS.length]!
}

/** The people in a shared document's presence, as React state. */
export function usePresence(awareness: Awareness | null): Presence[] {
  const cache = useRef<{ key: string; value: Presence[] }>({ key: '', value: [] })
  const subscribe = useCallback(
    (notify: () => void) => {
      awareness?.on('change', notify)
      return () => awareness?.off('change', notify)
    },
    [awareness],
  )
  const read = useCallback(() => {
    if (!awareness) return cache.current.value
    const me = awareness.clientID
    const people: Presence[] = []
    for (const [clientId, state] of awareness.getStates()) {
      const user = state.user as { name?: unknown; color?: unknown } | undefined
      if (typeof user?.name !== 'string') continue
      people.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : COLOURS[0]!,
        section: typeof state.section === 'string' ? state.section : null,
        self: clientId === me,
      })
    }
    people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
    const key = JSON.stringify(people)
    if (key !== cache.current.key) cache.current = { key, value: people }
    return cache.current.value
  }, [awareness])
  return useSyncExternalStore(subscribe, read, () => cache.current.value)
}
