import type { Snippet } from '@/server/search/snippets'

/** A snippet's text with its matches in <mark>. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = []
  let at = 0
  snippet.highlights.forEach(([a, b], i) => {
    if (a < at) return
    parts.push(
      snippet.text.slice(at, a),
      <mark key={i} className="rounded-sm bg-warning/30 px-0.5 break-keep text-foreground">
        {snippet.text.slice(a, b)}
      </mark>,
    )
    at = b
  })
  parts.push(snippet.text.slice(at))
  return <>{parts}</>
}
