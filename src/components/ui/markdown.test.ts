import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown'

/** What a reader's browser receives for a text someone typed into a postmortem. */
const html = (text: string) => renderToStaticMarkup(renderMarkdown(text))

/** One attribute of every `tag` element of that HTML, e.g. the `href` of every link. */
function attributes(markup: string, tag: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`<${tag}\\s[^>]*?\\b${name}="([^"]*)"`, 'gi'))].map((m) => m[1]!)
}

/** No element in the HTML (escaped text such as `&lt;script&gt;` is harmless and allowed). */
const elements = (markup: string, tag: string) => markup.match(new RegExp(`<${tag}[\\s>/]`, 'gi')) ?? []

describe('renderMarkdown: what typed Markdown can put in a reader’s page', () => {
  it('runs no script typed as raw HTML: it shows as text', () => {
    const out = html('before <script>alert(document.cookie)</script> after')
    expect(elements(out, 'script')).toEqual([])
    expect(out).toContain('before')
    expect(out).toContain('after')
  })

  it('runs no event handler (onerror, onclick) typed as HTML', () => {
    for (const text of [
      '<img src="x" onerror="alert(1)">',
      '<a href="https://example.com" onclick="alert(1)">x</a>',
      '<svg onload="alert(1)"></svg>',
    ]) {
      const out = html(text)
      expect(out, text).not.toMatch(/<[^>]*\son[a-z]+=/i)
      expect(elements(out, 'img'), text).toEqual([])
      expect(elements(out, 'svg'), text).toEqual([])
    }
  })

  it('embeds no frame, object or form typed as HTML', () => {
    const out = html(
      '<iframe src="https://evil.example"></iframe>\n\n<object data="x.swf"></object>\n\n<form action="https://evil.example"><input name="p"></form>',
    )
    for (const tag of ['iframe', 'object', 'embed', 'form', 'input'])
      expect(elements(out, tag), tag).toEqual([])
  })

  it('keeps no javascript:, vbscript: or data: address in a link or an image', () => {
    const out = html(
      [
        '[click](javascript:alert(1))',
        '[upper](JAVASCRIPT:alert(1))',
        '[entity](jav&#x61;script:alert(1))',
        '[vb](vbscript:msgbox(1))',
        '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
        '![img](javascript:alert(1))',
        '<javascript:alert(1)>',
      ].join('\n\n'),
    )
    // Any element at all (a link, an image, React's image preload) with such an address.
    expect(out).not.toMatch(/\s(href|src)="\s*(javascript|vbscript|data):/i)
    // The links are still there for the reader, without their address.
    expect(elements(out, 'a')).toHaveLength(6)
    // The link texts are still there for the reader.
    expect(out).toContain('click')
    expect(out).toContain('upper')
  })

  it('keeps ordinary links, images, emphasis, code, lists and tables', () => {
    const out = html(
      [
        'See [the runbook](https://wiki.example.com/runbook?x=1&y=2) and <https://status.example.com>.',
        '',
        '![graph](https://grafana.example.com/render.png "mq rate")',
        '',
        '**slow** `uid` index, [relative](/postmortems/3), [mail](mailto:oncall@example.com)',
        '',
        '- one',
        '- two',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
      ].join('\n'),
    )
    expect(attributes(out, 'a', 'href')).toEqual([
      'https://wiki.example.com/runbook?x=1&amp;y=2',
      'https://status.example.com',
      '/postmortems/3',
      'mailto:oncall@example.com',
    ])
    expect(attributes(out, 'img', 'src')).toEqual(['https://grafana.example.com/render.png'])
    expect(out).toContain('alt="graph"')
    expect(out).toContain('<strong>slow</strong>')
    expect(out).toContain('<code>uid</code>')
    expect(elements(out, 'li')).toHaveLength(2)
    expect(elements(out, 'table')).toHaveLength(1)
  })
})
