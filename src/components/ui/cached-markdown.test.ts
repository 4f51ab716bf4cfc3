import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { renderThroughFlight } from '@/test/flight'
import { CachedMarkdown } from './cached-markdown'

/** One field of a page: a server component that renders its text with CachedMarkdown. */
const Field = ({ text }: { text: string }) => createElement(CachedMarkdown, null, text)

const twice = (first: string, second: string) =>
  createElement(
    'main',
    null,
    createElement(Field, { key: 'first', text: first }),
    createElement(Field, { key: 'second', text: second }),
  )

describe('CachedMarkdown', () => {
  it.each(['<div>x', '<br>', '<!-- a comment -->', '[a]: https://example.com'])(
    'renders a text that renders to nothing (%j) in two fields of one page',
    async (text) => {
      const html = await renderThroughFlight(twice(text, text))
      expect(html).toContain('<main>')
    },
  )

  it('renders the same text in two fields twice', async () => {
    const html = await renderThroughFlight(twice('**same**', '**same**'))
    expect(html.match(/<strong>same<\/strong>/g)).toHaveLength(2)
  })
})
