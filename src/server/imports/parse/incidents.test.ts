import { describe, expect, it } from 'vitest'
import { findIncidents } from './incidents'
import { buildTree, parseMarkdown } from './markdown'

const incidents = (source: string) => {
  const found = findIncidents(buildTree(parseMarkdown(source)))
  return { incidents: found.incidents.map((s) => s.heading), shared: found.shared.map((s) => s.heading) }
}

describe('findIncidents', () => {
  it('two sibling sections with their own 现象/原因/解决 are two incidents; 经验教训 after them is shared', () => {
    const source = [
      '# 1.1 版本上线复盘',
      '## 签到列表未更新',
      '### 问题现象',
      '签到成功但列表没有变化。',
      '### 问题原因',
      '缓存没有失效。',
      '### 解决方案',
      '发布后清理缓存。',
      '## 成长值明细获取不到',
      '### 问题现象',
      '4G 网络下接口超时。',
      '### 问题原因',
      '108 机器网络异常。',
      '### 解决方案',
      '下线 108 机器。',
      '## 经验教训',
      '发布前检查缓存策略。',
    ].join('\n\n')
    expect(incidents(source)).toEqual({
      incidents: ['签到列表未更新', '成长值明细获取不到'],
      shared: ['经验教训'],
    })
  })

  it('"## 问题一：…" / "## 问题二：…" are numbered incidents', () => {
    expect(
      incidents(
        '# 本周线上问题\n\n## 问题一：登录超时\n\n网关连接池太小。\n\n## 问题二：图片加载失败\n\nCDN 证书过期。',
      ),
    ).toEqual({
      incidents: ['问题一：登录超时', '问题二：图片加载失败'],
      shared: [],
    })
  })

  it('"## Issue 1: …" incidents with their own root causes share the lessons after them', () => {
    const source =
      '# March incidents\n\n## Issue 1: checkout down\n\n### Root cause\n\nExpired certificate.\n\n## Issue 2: search slow\n\n### Root cause\n\nReindex saturated the disks.\n\n## Lessons learned\n\nWatch certificate expiry.'
    expect(incidents(source)).toEqual({
      incidents: ['Issue 1: checkout down', 'Issue 2: search slow'],
      shared: ['Lessons learned'],
    })
  })

  it('a numbered heading without content is not an incident', () => {
    expect(incidents('# Report\n\n## Issue 1: checkout down\n\n## Issue 2: search slow').incidents).toEqual(
      [],
    )
  })

  it('a single retro whose top level has "Root cause" is ONE incident, even with sub-sections', () => {
    const source = [
      '# Checkout outage',
      '## Summary',
      'Checkout was down for 20 minutes.',
      '## Root cause',
      'A bad config push.',
      '### Why the validator missed it',
      'No schema check.',
      '## Payments service',
      '### Impact',
      '12% of payments failed.',
      '## Search service',
      '### Impact',
      'Search was slow.',
    ].join('\n\n')
    expect(incidents(source)).toEqual({ incidents: [], shared: [] })
  })

  it('"## Update 2021-07-15" siblings are days of one incident, not incidents', () => {
    expect(
      incidents(
        '# Database degradation\n\n## Update 2021-07-15\n\nWe are investigating.\n\n## Update 2021-07-16\n\nA fix is deployed.',
      ).incidents,
    ).toEqual([])
  })

  it('dated headings with nothing else beside them are a log of separate incidents', () => {
    expect(
      incidents(
        '# 故障记录\n\n## 2024-02-07 网站无法访问\n\n证书过期。\n\n## 2024-03-01 登录失败\n\nRedis 内存写满。',
      ).incidents,
    ).toEqual(['2024-02-07 网站无法访问', '2024-03-01 登录失败'])
  })

  it('plain headings over stories that each open with their own day are separate incidents', () => {
    const source = [
      '# Post mortem covering 11 to 23 April',
      '## Establishing the timeline',
      '### API outage (Major)',
      'On 15 April 2026, our database became CPU locked.',
      '### WebDAV outage (Minor)',
      'On April 18 2026, the response code was changed.',
      '### Denial of Service (Minor)',
      'Also on 23 April 2026, an attack targeted our web infrastructure.',
      '## What is being done about this?',
      'We will stress test.',
    ].join('\n\n')
    expect(incidents(source).incidents).toEqual([
      'API outage (Major)',
      'WebDAV outage (Minor)',
      'Denial of Service (Minor)',
    ])
  })

  it('plain headings that each carry a severity ("(Major)", "（严重）") are separate incidents', () => {
    const source =
      '# June\n\n## Establishing the timeline\n\n### Network attacks (Major)\n\nIn early June we saw outages.\n\n### API outages (Minor)\n\nTimeouts surfaced mid-month.\n\n## What we learned\n\nMonitor more.\n'
    expect(incidents(source).incidents).toEqual(['Network attacks (Major)', 'API outages (Minor)'])
    expect(incidents('# 故障\n\n## 背景（重大）\n\n说明。\n').incidents).toEqual([])
  })

  it('stories beside a plain heading that opens with no day stay one incident', () => {
    const source =
      '# Outage\n\n## Monday\n\nOn 15 April 2026, the database locked.\n\n## Tuesday\n\nOn 16 April 2026, it locked again.\n\n## Why\n\nThe vacuum job.\n'
    expect(incidents(source).incidents).toEqual([])
  })

  it('a document of known sections only has no separate incidents', () => {
    expect(
      incidents('## 问题现象\n\n签到失败\n\n## 问题原因\n\n缓存\n\n## 解决方案\n\n清理缓存').incidents,
    ).toEqual([])
  })

  it('an incident log grouped by month: the dated "Incident on …" headings are the incidents', () => {
    const source = [
      '# Incident Log',
      '## August 2020',
      '### Incident on 2020-08-04 17:13 UTC',
      '- **Impact**: tests failed',
      '## February 2020',
      '### Incident on 2020-02-25 10:58 UTC',
      '- **Resolution**: replaced the masters',
      '### Incident on 2020-02-18 14:13 UTC',
      '- **Resolution**: rolled back',
    ].join('\n\n')
    expect(incidents(source)).toEqual({
      incidents: [
        'Incident on 2020-08-04 17:13 UTC',
        'Incident on 2020-02-25 10:58 UTC',
        'Incident on 2020-02-18 14:13 UTC',
      ],
      shared: [],
    })
  })
})
