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
}: {
  summary: ReactNode
  children: ReactNode
  className?: string
  summaryClassName?: string
}) {
  const [opened, setOpened] = useState(false)
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened ? children : null}
    </details>
  )
}
