'use client'

import { useState, type ReactNode } from 'react'

/**
 * A <details> whose body is rendered the first time it opens, and kept after: a page with
 * many closed forms (a launch review's verdict and sub-check forms) sends and renders none
 * of them until someone wants one.
 */
export function LazyDetails({
  summary,
  children,
  className,
  summaryClassName,
  summaryLabel,
}: {
  summary: ReactNode
  children: ReactNode
  className?: string
  summaryClassName?: string
  /** The summary's accessible name, when its text alone is not enough ("Close…" which item). */
  summaryLabel?: string
}) {
  const [opened, setOpened] = useState(false)
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName} aria-label={summaryLabel}>
        {summary}
      </summary>
      {opened ? children : null}
    </details>
  )
}
