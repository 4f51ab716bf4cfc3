import 'server-only'
import { LRUCache } from 'lru-cache'
import type { ReactElement } from 'react'
import { Markdown, renderMarkdown } from './markdown'

/**
 * Parsing and sanitizing Markdown is the costliest part of rendering a postmortem, and the
 * same text always renders the same: the server keeps the rendered elements of recently
 * shown texts (about 4 million characters' worth), so a page many people open is parsed
 * once, and nothing needs invalidating.
 */
const rendered = new LRUCache<string, ReactElement>({
  maxSize: 4_000_000,
  sizeCalculation: (_, text) => Math.max(1, text.length),
})

function renderCached(text: string): ReactElement {
  let element = rendered.get(text)
  if (!element) {
    element = renderMarkdown(text)
    rendered.set(text, element)
  }
  return element
}

/** Markdown for server-rendered pages, sanitized, rendered once per distinct text. */
export function CachedMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <Markdown className={className} render={renderCached}>
      {children}
    </Markdown>
  )
}
