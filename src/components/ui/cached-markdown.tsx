import 'server-only'
import { LRUCache } from 'lru-cache'
import type { ReactElement, ReactNode } from 'react'
import { Markdown, renderMarkdown } from './markdown'

/**
 * Parsing and sanitizing Markdown is the costliest part of rendering a postmortem, and the
 * same text always renders the same: the server keeps the rendered elements of recently
 * shown texts (about 4 million characters' worth), so a page many people open is parsed
 * once, and nothing needs invalidating.
 */
const rendered = new LRUCache<string, { children: ReactNode }>({
  maxSize: 4_000_000,
  sizeCalculation: (_, text) => Math.max(1, text.length),
})

/**
 * The cache keeps the children of the rendered root, and each use gets a root of its own.
 * Handing React the same root twice on one page (one text in two fields) makes the RSC
 * payload refer back to the first root's children; when a text renders to nothing
 * (`<br>`, an HTML comment, only link definitions) those children are undefined, are left
 * out of the payload, and the reference fails ("Invalid reference", a 500).
 */
function renderCached(text: string): ReactElement {
  let entry = rendered.get(text)
  if (!entry) {
    const root = renderMarkdown(text) as ReactElement<{ children?: ReactNode }>
    entry = { children: root.props.children }
    rendered.set(text, entry)
  }
  return <>{entry.children}</>
}

/** Markdown for server-rendered pages, sanitized, rendered once per distinct text. */
export function CachedMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <Markdown className={className} render={renderCached}>
      {children}
    </Markdown>
  )
}
