import type { Node, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { markdownTree } from './markdown-tree'

/** The reference: remark with GFM and front matter, as the importer read Markdown before decision 062. */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

/** A tree without positions (compared on their own below). */
const shape = (node: Node): unknown => {
  const { position: _, ...rest } = node as Node & { children?: Node[] }
  return 'children' in rest ? { ...rest, children: rest.children!.map(shape) } : rest
}

/** Each paragraph's and inline node's source text, trimmed, in tree order. */
const sources = (root: Root, source: string) => {
  const out: string[] = []
  const visit = (node: Node) => {
    const { start, end } = node.position ?? {}
    if (start?.offset !== undefined && end?.offset !== undefined && node.type !== 'root')
      out.push(`${node.type}: ${source.slice(start.offset, end.offset).trim()}`)
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child)
  }
  visit(root)
  return out
}

const documents = [
  '# 复盘\n\n## 现象\n\n用户**签到**失败，持续 *8 分钟*。~~误报~~\n\n- [x] 回滚\n- [ ] 加告警\n\n| 动作 | 负责人 |\n| --- | :-: |\n| 扩容 `pods` | **ops** 组 |',
  'Timeline\n\n1. 10:04 alert fired\n2. 10:24 rolled back\n\n> quoted `code` and [a link](/runbook "Runbook")\n\n    indented code\n',
  '---\ntitle: Outage\ndate: 2024-01-02\n---\n\n## Impact\n\nSome *users* saw\nerrors  \nfor an hour.\n\n***\n\n<details>\n<summary>Logs</summary>\n\n```sh title\nkubectl get pods\n```\n\n</details>',
  '- a\n- b\n\n- c\n\n1) first\n\n   more of the first\n2) second\n   - nested\n     - deeper\n\n* [ ] box\n* [X] done\n',
  'Text with <span>inline html</span>, an ![image](img.png) and escapes: \\*not emphasis\\*, &amp; &#64;.\n\nSetext\n======\n\n***strong and emphasis*** __bold__ _it_',
  '+++\ntitle = "toml"\n+++\n\nA [link *with* emphasis](https://example.com) and `code` in a line.\n\n| a | b |\n|---|---|\n| 1 |\n| 2 | 3 |',
]

describe('markdownTree', () => {
  it('makes the tree remark makes with GFM and front matter', () => {
    for (const source of documents) {
      const reference = remark.parse(source)
      const tree = markdownTree(source, false)
      expect(shape(tree)).toEqual(shape(reference))
      // What `asWritten` reads: the source of each paragraph and inline node it places.
      const placed = sources(tree, source)
      expect(placed.length).toBeGreaterThan(0)
      expect(sources(reference, source)).toEqual(expect.arrayContaining(placed))
    }
  })

  it('links bare addresses as GFM does, leaving the punctuation that ends a sentence', () => {
    const source =
      'See www.example.com, https://logs.example.com/a_(b). 日志在 http://prometheus:9090/targets 。Mail ops@example.com.'
    expect(shape(markdownTree(source, true))).toEqual(shape(remark.parse(source)))
    expect(sources(markdownTree(source, true), source)).toEqual(
      expect.arrayContaining([
        'link: www.example.com',
        'link: https://logs.example.com/a_(b)',
        'link: ops@example.com',
      ]),
    )
  })

  it('resolves reference links and leaves out their definitions, where remark keeps both', () => {
    const tree = markdownTree(
      'See [the fix][fix] and [#12].\n\n[fix]: https://example.com/pr/1\n[#12]: https://example.com/issues/12',
      false,
    )
    expect(shape(tree)).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'See ' },
            {
              type: 'link',
              title: null,
              url: 'https://example.com/pr/1',
              children: [{ type: 'text', value: 'the fix' }],
            },
            { type: 'text', value: ' and ' },
            {
              type: 'link',
              title: null,
              url: 'https://example.com/issues/12',
              children: [{ type: 'text', value: '#12' }],
            },
            { type: 'text', value: '.' },
          ],
        },
      ],
    })
  })

  it('keeps a footnote as text: its definition is not taken for a link definition', () => {
    expect(toString(markdownTree('The pool ran dry[^1].\n\n[^1]: At 10:04, on every node.', false))).toBe(
      'The pool ran dry[^1].[^1]: At 10:04, on every node.',
    )
  })

  it('reads a "[" whose "]" is over a thousand characters away as text, not as a link', () => {
    const long = 'a'.repeat(1_200)
    expect(
      shape(markdownTree(`[${long}](https://example.com) and [short](https://example.com)`, false)),
    ).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: `[${long}](https://example.com) and ` },
            {
              type: 'link',
              title: null,
              url: 'https://example.com',
              children: [{ type: 'text', value: 'short' }],
            },
          ],
        },
      ],
    })
  })

  it('reads emphasis nested thousands deep as its text, a tree no reader overflows on', () => {
    const source = `${'*a '.repeat(5000)}${'a* '.repeat(5000)}`
    const depth = (node: Node): number =>
      1 + Math.max(0, ...((node as { children?: Node[] }).children ?? []).map(depth))
    const tree = markdownTree(source, false)
    expect(depth(tree)).toBeLessThan(40)
    expect(toString(tree).match(/a/g)).toHaveLength(10_000)
  })
})
