import { createElement, Fragment, type ReactElement } from 'react'
import ReactMarkdown from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import { cn } from '@/lib/cn'
import { limitNesting, MARKDOWN_BUDGET, treeDepth, withinMarkdownBudget } from '@/lib/markdown-budget'

class TooDeep extends Error {}

/** Refuses a parsed tree deeper than the budget (nested emphasis, say), before it is walked. */
function remarkDepthBudget() {
  return (tree: Parameters<typeof treeDepth>[0]) => {
    if (treeDepth(tree) > MARKDOWN_BUDGET.treeDepth) throw new TooDeep()
  }
}

const remarkPlugins = [remarkGfm, remarkDepthBudget]
const rehypePlugins = [rehypeSanitize]

/** A text outside the budget, as it was typed: every character, line breaks kept. */
const plainText = (text: string) =>
  createElement(Fragment, null, createElement('p', { className: 'whitespace-pre-wrap' }, text))

/**
 * The sanitized elements of a Markdown text: no script, no raw HTML, no javascript: links.
 * Within a budget (see markdown-budget.ts): a text too costly to parse shows as plain text.
 */
export function renderMarkdown(text: string): ReactElement {
  const limited = limitNesting(text)
  if (!withinMarkdownBudget(limited)) return plainText(text)
  try {
    // react-markdown's synchronous component is a pure function of its props (no hooks).
    return ReactMarkdown({ children: limited, remarkPlugins, rehypePlugins })
  } catch (error) {
    if (error instanceof TooDeep || error instanceof RangeError) return plainText(text)
    throw error
  }
}

/** Renders user Markdown, sanitized (the editor's preview; pages use CachedMarkdown). */
export function Markdown({
  children,
  className,
  render = renderMarkdown,
}: {
  children: string
  className?: string
  render?: (text: string) => ReactElement
}) {
  return <div className={cn('markdown-body', className)}>{render(children)}</div>
}
