import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '@/components/ui/markdown'
import { limitNesting, MARKDOWN_BUDGET, treeDepth, withinMarkdownBudget } from './markdown-budget'

const LIMIT = 20_000
const fill = (unit: string, length = LIMIT) => unit.repeat(Math.floor(length / unit.length))
const render = (text: string) => renderToString(renderMarkdown(text))
const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1

describe('limitNesting', () => {
  it('keeps ordinary nesting as it is', () => {
    const text = '> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n---\n* * *'
    expect(limitNesting(text)).toBe(text)
  })

  it('escapes the markers beyond the depth on a line, so they show as typed', () => {
    expect(limitNesting('>'.repeat(20) + ' x', 3)).toBe('>>>\\' + '>'.repeat(17) + ' x')
    expect(limitNesting('- - - - x', 2)).toBe('- - \\- - x')
    expect(limitNesting('1. 2. 3. x', 2)).toBe('1. 2. 3\\. x')
  })

  it('leaves a thematic break of many markers alone', () => {
    const rule = '- '.repeat(40).trim()
    expect(limitNesting(rule)).toBe(rule)
  })
})

describe('withinMarkdownBudget', () => {
  it('accepts an ordinary postmortem field', () => {
    const text =
      '## Impact\n\n**Checkout** failed for _some_ users; see [the graph](https://example.com).\n\n- a\n- b\n'
    expect(withinMarkdownBudget(text.repeat(40))).toBe(true)
  })

  it('does not count snake_case underscores as emphasis', () => {
    expect(withinMarkdownBudget(fill('request_id user_id ', 19_000))).toBe(true)
  })

  it('refuses more of the costly constructs than the budget', () => {
    expect(withinMarkdownBudget('*a '.repeat(MARKDOWN_BUDGET.emphasisDelimiters + 1))).toBe(false)
    expect(withinMarkdownBudget('[a]'.repeat(MARKDOWN_BUDGET.brackets))).toBe(false)
    expect(withinMarkdownBudget('a\n=\n'.repeat(MARKDOWN_BUDGET.underlines + 1))).toBe(false)
    expect(withinMarkdownBudget('- a\n'.repeat(MARKDOWN_BUDGET.containerMarkers + 1))).toBe(false)
    expect(withinMarkdownBudget('[a]: b\n'.repeat(MARKDOWN_BUDGET.definitions + 1))).toBe(false)
  })
})

describe('treeDepth', () => {
  it('counts levels without recursion', () => {
    let node = { children: [] as unknown[] }
    const root = node
    for (let i = 0; i < 100_000; i++) {
      const child = { children: [] as unknown[] }
      node.children.push(child)
      node = child
    }
    expect(treeDepth(root as never)).toBe(100_001)
  })
})

describe('renderMarkdown within the budget', () => {
  it('renders a field of nested blockquotes within the length limit, at most the depth deep', () => {
    const html = render('>'.repeat(19_990) + ' x')
    expect(count(html, 'blockquote')).toBe(MARKDOWN_BUDGET.depth)
    expect(html).toContain('&gt;'.repeat(100))
  })

  it.each([
    ['nested lists', '- '.repeat(9_995) + 'x'],
    ['nested ordered lists', '1. '.repeat(6_000) + 'x'],
    ['a long emphasis run', '*'.repeat(9_995) + 'x' + '*'.repeat(9_995)],
    ['nested emphasis', '*a '.repeat(3_000) + ' a*'.repeat(3_000)],
    ['nested brackets', '['.repeat(9_995) + 'x' + ']'.repeat(9_995)],
    ['setext headings', fill('a\n=\n')],
    ['link definitions', fill('[a]: b\n')],
    ['deep indentation', Array.from({ length: 140 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n')],
    ['lazy containers', fill('> - > - > - > - x\n')],
  ])('renders %s without throwing, every character kept', (_, text) => {
    const html = render(`${text.slice(0, LIMIT - 4)} END`)
    expect(html).toContain('END')
  })

  it('shows a text over the budget as plain text, line breaks kept', () => {
    const text = '*a '.repeat(MARKDOWN_BUDGET.emphasisDelimiters + 1)
    expect(render(text)).toBe(`<p class="whitespace-pre-wrap">${text}</p>`)
  })

  it('still renders ordinary Markdown', () => {
    expect(render('> **a**\n\n- b')).toBe(
      '<blockquote>\n<p><strong>a</strong></p>\n</blockquote>\n<ul>\n<li>b</li>\n</ul>',
    )
  })
})
