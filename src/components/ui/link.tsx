'use client'

import NextLink from 'next/link'
import { type ComponentProps, useState } from 'react'

/**
 * next/link that prefetches its page when someone reaches for it (the pointer over it, a finger
 * on it, the keyboard's focus), not when it comes into view. next/link's default asks the server
 * for every page a screen links to as soon as it shows: the menu's seven pages and a page's tabs on
 * every page, a list's rows too. On the editor of a large postmortem those were eighteen requests
 * in the second the form hydrates, on the same two cores, and the first click waited for them
 * (decision 055). After the first sign of intent the link prefetches as next/link would.
 */
export function Link({
  prefetch,
  onMouseEnter,
  onTouchStart,
  onFocus,
  ...props
}: ComponentProps<typeof NextLink>) {
  const [wanted, setWanted] = useState(false)
  return (
    <NextLink
      {...props}
      prefetch={wanted ? prefetch : false}
      onMouseEnter={(event) => {
        setWanted(true)
        onMouseEnter?.(event)
      }}
      onTouchStart={(event) => {
        setWanted(true)
        onTouchStart?.(event)
      }}
      onFocus={(event) => {
        setWanted(true)
        onFocus?.(event)
      }}
    />
  )
}
