'use client'

import type { Route } from 'next'
import { useRouter } from 'next/navigation'
import type { MouseEvent, ReactNode } from 'react'

/**
 * An area whose plain `<a href>` links navigate like next/link (the app's shell stays, only the
 * page is fetched) without a next/link for each of them. A page of figures has two hundred links;
 * as next/link each was a client component rendered on the server and hydrated in the browser,
 * 12% of /insights' server time (decision 048). A next/link inside the area keeps its own
 * behaviour: it has already prevented the default when the click reaches the area.
 *
 * The browser keeps what it does by itself: a new tab or window (a modifier key, the middle
 * button, `target`), a download, another site, a jump within the page, and the API's answers
 * (JSON, CSV: files, not pages). Unlike next/link, nothing is prefetched: a page of two hundred
 * links would ask for two hundred pages.
 */
export function SoftLinks({ children }: { children: ReactNode }) {
  const router = useRouter()
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as Element).closest('a[href]')
    if (!(anchor instanceof HTMLAnchorElement) || !event.currentTarget.contains(anchor)) return
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return
    const url = new URL(anchor.href, window.location.href)
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return
    const here = window.location
    if (url.hash && url.pathname === here.pathname && url.search === here.search) return
    event.preventDefault()
    router.push(`${url.pathname}${url.search}${url.hash}` as Route)
  }
  return (
    // The links inside are the controls; the area only listens to their clicks as they bubble up.
    <div className="contents" onClick={onClick}>
      {children}
    </div>
  )
}
