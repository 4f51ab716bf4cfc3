import { LRUCache } from 'lru-cache'
import type { ReactElement } from 'react'
import ReactMarkdown from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import { cn } from '@/lib/cn'

const remarkPlugins = [remarkGfm]
const rehypePlugins = [rehypeSanitize]

/**
 * Parsing and sanitizing Markdown is the costliest part of rendering a postmortem, and the
 * same text always renders the same: keep the rendered elements of recently shown texts
 * (about 4 million characters' worth), so that a page many people open is parsed once.
 */
const rendered = new LRUCache<string, ReactElement>({
  maxSize: 4_000_000,
  sizeCalculation: (_, text) => Math.max(1, text.length),
})

function render(text: string): ReactElement {
  let element = rendered.get(text)
  if (!element) {
    // react-markdown's synchronous component is a pure function of its props (no hooks).
    element = ReactMarkdown({ children: text, remarkPlugins, rehypePlugins })
    rendered.set(text, element)
  }
  return element
}

/** Renders user Markdown, sanitized: no script, no raw HTML, no javascript: links. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div
      className={cn(
        'text-sm leading-relaxed break-words [&_a]:text-primary [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-medium [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-2 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-muted [&_pre]:p-3 [&_table]:my-2 [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-5',
        className,
      )}
    >
      {render(children)}
    </div>
  )
}
