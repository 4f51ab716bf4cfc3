'use client'

import { useSyncExternalStore } from 'react'

const subscribeNothing = () => () => {}

/**
 * False during server rendering and hydration, true after. For what depends on the browser (its
 * time zone), and for controls that work only with script: rendered once the script runs, they
 * are not sent as HTML that does nothing when clicked.
 */
export function useMounted() {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}
