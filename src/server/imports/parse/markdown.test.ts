import { describe, expect, it } from 'vitest'
import { readFrontMatter } from './front-matter'
import { blocks, buildTree, isLeadIn, markdown, parseMarkdown, type Section } from './markdown'

const tree = (source: string) => buildTree(parseMarkdown(source))

/** Every section below the root: heading, field it names ("?" when unsure), its own content. */
const outline = (section: Section): [string, string | null, string][] =>
  section.children.flatMap((s) => [
    [s.heading, s.match ? `${s.match.field}${s.match.sure ? '' : '?'}` : null, markdown(s.content)] as [
      string,
      string | null,
      string,
    ],
    ...outline(s),
  ])

describe('HTML comments and template tags', () => {
  it('never turns a `<!-- source: … -->` first line into content', () => {
    const root = tree(
      '<!-- source: https://blog.example.com/2024/checkout-outage -->\n\nThe cache went cold at noon.\n\nWe restarted it.',
    )
    expect(markdown(root.content)).toBe('The cache went cold at noon.\n\nWe restarted it.')
    expect(root.children).toEqual([])
  })

  it('still reads front matter that follows the comment, and keeps it out of the content', () => {
    const source =
      '<!-- source: https://blog.example.com/2024/checkout-outage -->\n---\ntitle: Checkout outage\ndate: 2024-03-02\n---\n\n# Checkout outage\n\nCheckout failed for 20 minutes.\n'
    expect(readFrontMatter(parseMarkdown(source))).toMatchObject({
      title: 'Checkout outage',
      date: '2024-03-02',
    })
    expect(outline(tree(source))).toEqual([['Checkout outage', null, 'Checkout failed for 20 minutes.']])
  })

  it('reads the front matter and first heading of a file saved with a byte-order mark', () => {
    const source = '\uFEFF---\ntitle: 支付故障\n---\n\n# 支付故障\n\n## 现象\n\n支付失败。'
    expect(readFrontMatter(parseMarkdown(source))).toMatchObject({ title: '支付故障' })
    expect(outline(tree(source))).toEqual([
      ['支付故障', null, ''],
      ['现象', 'symptom', '支付失败。'],
    ])
  })

  it('drops a comment between paragraphs but keeps other HTML as text', () => {
    const root = tree('# 支付故障\n\n<!-- 草稿，待补充 -->\n\n<div>附件见下</div>\n\n正文')
    expect(markdown(root.children[0]!.content)).toBe('<div>附件见下</div>\n\n正文')
  })

  it('keeps only the quoted text of a `{{< track >}}` tag and drops `{% raw %}` tags', () => {
    const root = tree(
      '## Timeline\n\n{{< track "2019-11-14T16:05:00Z" >}} Alerts fired.\n\n{% raw %}`{{ value }}`{% endraw %} was empty.',
    )
    expect(outline(root)).toEqual([
      ['Timeline', 'timeline', '2019-11-14T16:05:00Z Alerts fired.\n\n`{{ value }}` was empty.'],
    ])
  })
})

describe('labels open sections', () => {
  it('a bold label with a colon, a plain label and a Chinese label each open their section', () => {
    expect(
      outline(
        tree(
          '**Root cause:** a bad config push.\n\nResolution: rolled back revision 8812.\n\n影响：部分用户无法登录',
        ),
      ),
    ).toEqual([
      ['Root cause', 'rootCause', 'a bad config push.'],
      ['Resolution', 'resolution', 'rolled back revision 8812.'],
      ['影响', 'impact', '部分用户无法登录'],
    ])
  })

  it('a plain `Root cause: x` line opens a rootCause section too', () => {
    expect(outline(tree('Root cause: the TTL was set to zero.'))).toEqual([
      ['Root cause', 'rootCause', 'the TTL was set to zero.'],
    ])
  })

  it('a bold label alone on its line opens a section holding what follows', () => {
    expect(
      outline(
        tree(
          '## Summary\n\nCheckout failed.\n\n**What went well**\nThe alert fired within a minute.\n\n**问题原因**\n\n数据库连接池耗尽。',
        ),
      ),
    ).toEqual([
      ['Summary', 'summary', 'Checkout failed.'],
      ['What went well', 'lessons', 'The alert fired within a minute.'],
      ['问题原因', 'rootCause', '数据库连接池耗尽。'],
    ])
  })

  it('a bold label that numbers items ("Problem 1:", "问题二") stays in the section it numbers', () => {
    expect(
      outline(
        tree(
          '## Root cause analysis\n\n**Problem 1:** the site was down.\n\n1. Why? The primary was wiped.\n\n**问题二**\n\n恢复太慢。',
        ),
      ),
    ).toEqual([
      [
        'Root cause analysis',
        'rootCause',
        '**Problem 1:** the site was down.\n\n1. Why? The primary was wiped.\n\n**问题二**\n\n恢复太慢。',
      ],
    ])
  })

  it('bold labels sit one level below the heading above them', () => {
    const root = tree('# Outage\n\n**Impact:** checkout down')
    expect(root.children[0]!.children[0]).toMatchObject({ heading: 'Impact', depth: 1.5 })
  })

  it('splits a paragraph of `**Label**: …` lines (hard line breaks) into labelled sections', () => {
    const source =
      '# Checkout outage\n\n**Date**: 2024-03-02  \n**Impact**: checkout down for 20 minutes  \n**Root Causes**: an expired certificate  \n**Resolution**: renewed the certificate\n'
    expect(outline(tree(source))).toEqual([
      ['Checkout outage', null, '**Date**: 2024-03-02'],
      ['Impact', 'impact', 'checkout down for 20 minutes'],
      ['Root Causes', 'rootCause', 'an expired certificate'],
      ['Resolution', 'resolution', 'renewed the certificate'],
    ])
  })

  it('splits Chinese labelled lines the same way, bold or plain', () => {
    expect(
      outline(
        tree(
          '# 签到故障\n\n**日期**：2023-10-12  \n**影响**：部分用户签到列表未更新  \n**原因**：缓存过期时间设置错误',
        ),
      ),
    ).toEqual([
      ['签到故障', null, '**日期**：2023-10-12'],
      ['影响', 'impact', '部分用户签到列表未更新'],
      ['原因', 'rootCause', '缓存过期时间设置错误'],
    ])
    expect(outline(tree('影响：部分用户无法登录\n原因：连接池耗尽\n解决：扩容连接池'))).toEqual([
      ['影响', 'impact', '部分用户无法登录'],
      ['原因', 'rootCause', '连接池耗尽'],
      ['解决', 'resolution', '扩容连接池'],
    ])
  })

  it('a bold phrase in running text is not a label', () => {
    for (const text of [
      'We saw that **Impact** was small and the **root cause** unclear.',
      '**Impact** was small.',
    ])
      expect(markdown(tree(text).content)).toBe(text)
  })

  it('a label the vocabulary does not know stays text', () => {
    const root = tree('Note: this write-up is a draft.\n\nStatus: the database was slow all day.')
    expect(root.children).toEqual([])
    expect(markdown(root.content)).toBe(
      'Note: this write-up is a draft.\n\nStatus: the database was slow all day.',
    )
  })
})

describe('headings', () => {
  it('nest by depth and carry what they name', () => {
    expect(
      outline(
        tree(
          '# 签到故障复盘\n\n## 1. 问题现象\n\n签到失败\n\n### 1.1 影响范围\n\n全部安卓用户\n\n## 2. 原因分析\n\n缓存未失效',
        ),
      ),
    ).toEqual([
      ['签到故障复盘', null, ''],
      ['1. 问题现象', 'symptom', '签到失败'],
      ['1.1 影响范围', 'impact', '全部安卓用户'],
      ['2. 原因分析', 'rootCause', '缓存未失效'],
    ])
    const root = tree('# A\n\n## B\n\n### C\n\n## D')
    expect(root.children[0]!.children.map((s) => [s.heading, s.children.map((c) => c.heading)])).toEqual([
      ['B', ['C']],
      ['D', []],
    ])
  })

  it('the one top-level heading above the others names the document, even when it reads like a part', () => {
    expect(
      outline(tree('# Postmortem: database outage\n\nDisk full.\n\n## Lessons\n\nRotate logs.')),
    ).toEqual([
      ['Postmortem: database outage', null, 'Disk full.'],
      ['Lessons', 'lessons', 'Rotate logs.'],
    ])
    expect(outline(tree('# Summary\n\nDisk full.\n\n# Lessons\n\nRotate logs.'))).toEqual([
      ['Summary', 'summary', 'Disk full.'],
      ['Lessons', 'lessons', 'Rotate logs.'],
    ])
  })

  it('reads headings written without a space after the hashes, but not hashtags, issue numbers or code', () => {
    expect(
      outline(
        tree(
          '###一、故障现象\n\n接口超时\n\n####2.1 排查过程\n\n#42 was reverted\n\n```sh\n#!/bin/sh\n###注释\n```\n\n###**解决方案**\n\n扩容',
        ),
      ).map(([heading, field]) => [heading, field]),
    ).toEqual([
      ['一、故障现象', 'symptom'],
      ['2.1 排查过程', 'investigation'],
      ['解决方案', 'resolution'],
    ])
  })

  it('reads "##What happened?" (two hashes and more before a word) as a heading too', () => {
    expect(
      outline(tree('##What happened?\n\nA wrong server was restarted.\n\n##Prevention?\n\nMonitor it.')),
    ).toEqual([
      ['What happened?', 'symptom', 'A wrong server was restarted.'],
      ['Prevention?', 'actionItems', 'Monitor it.'],
    ])
  })

  it('writes a heading’s compact date and time ("20251021 162404") as a reader reads it, a bad one stays', () => {
    expect(
      tree('### 20251021 162404 (UTC+8)\n\nx\n\n### 20251399 162404\n\ny').children.map((s) => s.heading),
    ).toEqual(['2025-10-21 16:24:04 (UTC+8)', '20251399 162404'])
  })
})

describe('a list of labelled items', () => {
  it('opens a section per labelled item, as runbook logs write "- **Impact**: …"; other items stay text', () => {
    const source = [
      '### Incident on 2020-04-15 10:58 UTC',
      '- **Status**: Resolved at 2020-04-15 15:09 UTC',
      '- **Impact**:\n    - IE11 users could not access any services',
      '- **Resolution**:\n    The Nginx configuration was modified to enable TLSv1.2',
    ].join('\n')
    expect(outline(tree(source)).map(([heading, field]) => [heading, field])).toEqual([
      ['Incident on 2020-04-15 10:58 UTC', null],
      ['Impact', 'impact'],
      ['Resolution', 'resolution'],
    ])
    expect(markdown(tree(source).children[0]!.content)).toContain('Resolved at 2020-04-15 15:09 UTC')
  })

  it('a list with one labelled item is a list, unless its other items are labelled facts ("- **Status**: …")', () => {
    expect(outline(tree('- **Impact**: small\n- something else')).length).toBe(0)
    const source = [
      '### Incident on 2020-02-12 11:45 UTC',
      '- **Status**: Resolved at 2020-02-18 12:07 UTC',
      '- **Identified**: Pingdom reported Concourse down.',
      '- **Resolution**: Using terraform the cluster nodes were created again.',
    ].join('\n\n')
    expect(outline(tree(source)).map(([heading, field, text]) => [heading, field, text])).toContainEqual([
      'Resolution',
      'resolution',
      'Using terraform the cluster nodes were created again.',
    ])
  })
})

describe('blocks', () => {
  it('gives list items one by one (with their number in an ordered list) and paragraphs, skipping rules and comments', () => {
    const parts = blocks(
      parseMarkdown(
        '- 重启服务\n- 清理缓存\n\n3. Roll back\n4. Page the DBA\n\nA paragraph.\n\n---\n\n<!-- hidden -->',
      ).children,
    )
    expect(parts.map((b) => [b.text, b.ordinal])).toEqual([
      ['重启服务', null],
      ['清理缓存', null],
      ['Roll back', 3],
      ['Page the DBA', 4],
      ['A paragraph.', null],
    ])
  })
})

describe('the text of blocks', () => {
  it('keeps a paragraph as its author wrote it: no escapes added, links, emphasis and hard breaks as they were', () => {
    const source =
      '[13:26] @ada saw ~2 hours of 5 * 3 retries, see https://example.com/a_b and [the PR](https://example.com/pr)  \r\nthen _rolled back_ __fast__.'
    expect(blocks(parseMarkdown(source).children).map((b) => b.text)).toEqual([
      '[13:26] @ada saw ~2 hours of 5 * 3 retries, see https://example.com/a_b and [the PR](https://example.com/pr)  \nthen _rolled back_ __fast__.',
    ])
  })

  it('writes out what reads differently in place: a list item’s indented lines, a quote, an escape', () => {
    const [item, quote, escaped] = blocks(
      parseMarkdown('- first line\n  goes on\n\n> quoted\n> twice\n\nnot \\*emphasis\\*').children,
    )
    expect(item?.text).toBe('first line\ngoes on')
    expect(quote?.text).toBe('> quoted\n> twice')
    expect(escaped?.text).toBe('not \\*emphasis\\*')
  })
})

describe('bare links and addresses', () => {
  const links = (source: string) =>
    JSON.stringify(parseMarkdown(source))
      .match(/"url":"[^"]*"/g)
      ?.map((u) => u.slice(7, -1)) ?? []

  it('become links', () => {
    expect(
      links('See www.example.com or write to ops@example.com; 日志在 https://logs.example.com/a 。'),
    ).toEqual(['http://www.example.com', 'mailto:ops@example.com', 'https://logs.example.com/a'])
    expect(links('WWW.EXAMPLE.COM is down')).toEqual(['http://WWW.EXAMPLE.COM'])
    // Found in the parsed text only: behind a character reference or an escape.
    expect(links('write to ops&#64;example.com or see www\\.example.com, http&#58;//a.example')).toEqual([
      'mailto:ops@example.com',
      'http://www.example.com',
      'http://a.example',
    ])
  })
})

describe('isLeadIn', () => {
  it('a line that only introduces what follows is a lead-in; a paragraph that says something first is not', () => {
    expect(isLeadIn('Action items:')).toBe(true)
    expect(isLeadIn('修复步骤如下：')).toBe(true)
    expect(isLeadIn('排查中走了一些弯路。一开始以为是网络问题，结果给我们上了一课：')).toBe(false)
    expect(isLeadIn('We took a detour. We blamed the network first, and learned this:')).toBe(false)
  })
})
