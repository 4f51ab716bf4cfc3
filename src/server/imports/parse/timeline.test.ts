import { describe, expect, it } from 'vitest'
import { markdown, parseMarkdown } from './markdown'
import { isMomentHeading, readTimeline, stampedRun, statusUpdates, timelineKind } from './timeline'
import type { TimeContext } from './timestamps'

const nodes = (source: string) => parseMarkdown(source).children
const march2: TimeContext = { day: new Date(Date.UTC(2024, 2, 2)), offset: 0 }
const beijing: TimeContext = { day: new Date(Date.UTC(2023, 9, 12)), offset: 480 }
const read = (source: string, context = march2) => readTimeline(nodes(source), context)
const rows = (entries: { kind: string; text: string; at?: string | null }[]) =>
  entries.map((e) => [e.at ?? null, e.kind, e.text])

describe('readTimeline', () => {
  it('paragraphs that open with an approximate stamp ("**± 17:20 UTC:**") are events; the prose between them is narrative', () => {
    const { entries, notes } = read(
      'On Tuesday an engineer started a migration.\n\n**± 17:20 UTC:** the engineer takes a snapshot\nof the production database.\n\n**± 19:00 UTC:** load rises sharply.\n\nLater we found a job behind part of it.\n\n**~ 23:00 UTC:** replication stops.',
    )
    expect(entries.map((e) => e.at)).toEqual([
      '2024-03-02T17:20:00.000Z',
      '2024-03-02T19:00:00.000Z',
      '2024-03-02T23:00:00.000Z',
    ])
    expect(notes.map((n) => markdown([n]))).toEqual([
      'On Tuesday an engineer started a migration.',
      'Later we found a job behind part of it.',
    ])
  })

  it('a `| Time | Event |` table gives one entry per row with its time', () => {
    const { entries, notes } = read(
      '| Time | Event |\n| --- | --- |\n| 14:05 | Alerts fire for checkout 5xx |\n| 14:12 | On-call rolls back the deploy |\n| 14:30 | Error rate back to normal |',
    )
    expect(rows(entries)).toEqual([
      ['2024-03-02T14:05:00.000Z', 'OBSERVATION', '14:05 Alerts fire for checkout 5xx'],
      ['2024-03-02T14:12:00.000Z', 'OBSERVATION', '14:12 On-call rolls back the deploy'],
      ['2024-03-02T14:30:00.000Z', 'RESULT', '14:30 Error rate back to normal'],
    ])
    expect(notes).toEqual([])
  })

  it('a Chinese table is read in Beijing time, and extra columns join the text', () => {
    const { entries } = read(
      '| 时间 | 事件 | 处理人 |\n| --- | --- | --- |\n| 10:02 | 用户反馈无法登录 | 客服 |\n| 10:15 | 回滚网关配置 | 张三 |',
      beijing,
    )
    expect(rows(entries)).toEqual([
      ['2023-10-12T02:02:00.000Z', 'OBSERVATION', '10:02 用户反馈无法登录 — 客服'],
      ['2023-10-12T02:15:00.000Z', 'ATTEMPT', '10:15 回滚网关配置 — 张三'],
    ])
  })

  it('a list of timestamped lines gives one entry per item', () => {
    const { entries } = read(
      '- 14:05 UTC Alerts fire\n- 14:12 UTC Rolled back the deploy\n- 14:30 UTC Recovered',
    )
    expect(rows(entries)).toEqual([
      ['2024-03-02T14:05:00.000Z', 'OBSERVATION', '14:05 UTC Alerts fire'],
      ['2024-03-02T14:12:00.000Z', 'ATTEMPT', '14:12 UTC Rolled back the deploy'],
      ['2024-03-02T14:30:00.000Z', 'RESULT', '14:30 UTC Recovered'],
    ])
  })

  it('a paragraph of `<br>`-separated timestamped lines gives one entry per line', () => {
    const { entries } = read('14:05 告警触发<br>14:10 开始排查<br>14:40 重启服务后恢复', beijing)
    expect(rows(entries)).toEqual([
      ['2023-10-12T06:05:00.000Z', 'OBSERVATION', '14:05 告警触发'],
      ['2023-10-12T06:10:00.000Z', 'OBSERVATION', '14:10 开始排查'],
      ['2023-10-12T06:40:00.000Z', 'ATTEMPT', '14:40 重启服务后恢复'],
    ])
  })

  it('a paragraph of lines with hard line breaks gives clean entries (no trailing backslash)', () => {
    const { entries } = read('14:05 告警触发  \n14:10 开始排查  \n14:40 重启服务后恢复', beijing)
    expect(entries.map((e) => e.text)).toEqual(['14:05 告警触发', '14:10 开始排查', '14:40 重启服务后恢复'])
  })

  it('a line without a stamp continues the entry above it', () => {
    const { entries } = read('14:05 Alerts fire\nfor every checkout pod\n14:12 Rolled back')
    expect(entries.map((e) => e.text)).toEqual([
      '14:05 Alerts fire for every checkout pod',
      '14:12 Rolled back',
    ])
  })

  it('narrative paragraphs after a stamped list come back as notes, not entries', () => {
    const { entries, notes } = read(
      '- 14:05 Alerts fire\n- 14:12 Rolled back the deploy\n\nLooking back, the alert had been noisy for weeks.\n\nWe had no runbook for it.',
    )
    expect(entries.map((e) => e.text)).toEqual(['14:05 Alerts fire', '14:12 Rolled back the deploy'])
    expect(markdown(notes)).toBe(
      'Looking back, the alert had been noisy for weeks.\n\nWe had no runbook for it.',
    )
  })

  it('without stamped entries, paragraphs are the timeline', () => {
    const { entries, notes } = read('First the cache went cold.\n\nThen the database fell over.')
    expect(entries.map((e) => e.text)).toEqual(['First the cache went cold.', 'Then the database fell over.'])
    expect(notes).toEqual([])
  })

  it('a day on its own line or list item dates the events below it', () => {
    const unknown: TimeContext = { day: null, offset: 0 }
    for (const source of [
      'March 2, 2024\n\n- 14:05 Alerts fire\n- 14:12 Rolled back',
      '- March 2, 2024\n  - 14:05 Alerts fire\n  - 14:12 Rolled back',
    ])
      expect(read(source, unknown).entries.map((e) => e.at)).toEqual([
        '2024-03-02T14:05:00.000Z',
        '2024-03-02T14:12:00.000Z',
      ])
  })

  it('a moment with details below it ("Three cherry-picks were opened:") is one entry; a day with events below it is not', () => {
    const entries = read(
      [
        '- **Jun 4, 2025**: The 3.32.2 release is published.',
        '- **Jun 4, 2025**: Three more cherry-picks were opened:',
        '  - [#170013](https://example.com/170013) Fixes a memory leak',
        '  - [#170003](https://example.com/170003) Fixes a build failure',
        '- **Jun 5, 2025**: The cherry-picks are merged.',
      ].join('\n'),
    ).entries
    expect(entries.map((e) => e.at?.slice(0, 10))).toEqual(['2025-06-04', '2025-06-04', '2025-06-05'])
    expect(entries[1]!.text).toContain('Fixes a build failure')
    expect(
      read('- Jun 4, 2025:\n  - 14:05 Alerts fire\n  - 14:12 Rolled back').entries.map((e) => e.at),
    ).toEqual(['2025-06-04T14:05:00.000Z', '2025-06-04T14:12:00.000Z'])
  })
  it('relative stamps stay as text, with no time', () => {
    const { entries } = read('- T+0 deploy starts\n- T+15m errors climb\n- T+40m rollback')
    expect(rows(entries)).toEqual([
      [null, 'OBSERVATION', 'T+0 deploy starts'],
      [null, 'OBSERVATION', 'T+15m errors climb'],
      [null, 'ATTEMPT', 'T+40m rollback'],
    ])
  })
})

describe('statusUpdates', () => {
  it('a time line without a year under each update ("Jan 31, 14:40 UTC") dates it in the year the document gives', () => {
    const jan31: TimeContext = { day: new Date(Date.UTC(2017, 0, 31)), offset: 0 }
    const notice = statusUpdates(
      nodes(
        '**Resolved** - Fixed.\n\nJan 31, 15:10 UTC\n\n**Update** - We rolled back.\n\nJan 31, 14:40 UTC\n\n**Investigating** - Users cannot log in.\n\nJan 31, 14:05 UTC',
      ),
      jan31,
    )
    expect(notice?.entries.map((e) => e.at)).toEqual([
      '2017-01-31T14:05:00.000Z',
      '2017-01-31T14:40:00.000Z',
      '2017-01-31T15:10:00.000Z',
    ])
  })

  it('a cState notice ("[Close Issue]" … "[Open Issue]") without times reads oldest first, the opening with its own text', () => {
    const notice = statusUpdates(
      nodes(
        '[Close Issue]\nA rollback to the correct GPG key fixed the issues.\n\n[edit]\nDetails on the GitHub issue.\n\n[Open Issue]\nThe Debian installer fails.\n\nThe failure message is: forbidden.',
      ),
      march2,
    )
    expect(notice?.entries.map((e) => e.text.split('\n')[0])).toEqual([
      '[Open Issue]',
      '[edit]',
      '[Close Issue]',
    ])
    expect(notice?.rest.map((n) => markdown([n]))).toEqual(['The failure message is: forbidden.'])
  })

  const jan31: TimeContext = { day: null, offset: 0 }

  it('reads `**Update**` / `**Resolved**` paragraphs with the original notice as the first entry', () => {
    const notice = statusUpdates(
      nodes(
        'We are investigating elevated error rates on checkout.\n\n**Update** - We identified a bad deploy and are rolling it back.\n\n**Resolved** - Checkout is back to normal.',
      ),
      jan31,
    )
    expect(notice?.entries.map((e) => [e.kind, e.text])).toEqual([
      ['OBSERVATION', 'We are investigating elevated error rates on checkout.'],
      ['OBSERVATION', '**Update** - We identified a bad deploy and are rolling it back.'],
      ['RESULT', '**Resolved** - Checkout is back to normal.'],
    ])
  })

  it('returns newest-first updates oldest first when their times say so', () => {
    const notice = statusUpdates(
      nodes(
        [
          '**Resolved** - This incident has been resolved.',
          'Jan 31, 2017 - 15:10 UTC',
          '**Monitoring** - A fix has been deployed.',
          'Jan 31, 2017 - 14:40 UTC',
          '**Investigating** - We are looking into elevated errors.',
          'Jan 31, 2017 - 14:05 UTC',
        ].join('\n\n'),
      ),
      jan31,
    )
    expect(notice?.entries.map((e) => [e.at, e.text.split(' - ')[0]])).toEqual([
      ['2017-01-31T14:05:00.000Z', '**Investigating**'],
      ['2017-01-31T14:40:00.000Z', '**Monitoring**'],
      ['2017-01-31T15:10:00.000Z', '**Resolved**'],
    ])
    expect(notice?.rest).toEqual([])
  })

  it('puts an original notice written below newest-first updates first of all', () => {
    const notice = statusUpdates(
      nodes(
        [
          '**Resolved** - This incident has been resolved.',
          'Jan 31, 2017 - 15:10 UTC',
          '**Update** - A fix has been deployed.',
          'Jan 31, 2017 - 14:40 UTC',
          'Users may see errors when paying. We are investigating.',
          'Posted 7 years ago. Jan 31, 2017 - 14:05 UTC',
        ].join('\n\n'),
      ),
      jan31,
    )
    expect(notice?.entries.map((e) => e.at)).toEqual([
      '2017-01-31T14:05:00.000Z',
      '2017-01-31T14:40:00.000Z',
      '2017-01-31T15:10:00.000Z',
    ])
    expect(notice?.entries[0]?.text).toMatch(/^Users may see errors when paying/)
  })

  it('reads Chinese update labels', () => {
    const notice = statusUpdates(
      nodes('部分用户无法登录，正在排查。\n\n**更新** 已定位到网关配置问题。\n\n**已恢复** 登录已恢复正常。'),
      beijing,
    )
    expect(notice?.entries).toHaveLength(3)
    expect(notice?.entries[0]?.text).toBe('部分用户无法登录，正在排查。')
  })

  it('is null for text that is not a status notice', () => {
    expect(statusUpdates(nodes('The cache went cold.\n\nWe restarted it.'), march2)).toBeNull()
    expect(statusUpdates(nodes('**Resolved** - only one update.'), march2)).toBeNull()
  })
})

describe('isMomentHeading', () => {
  it.each([
    ['Update 2021-07-15', true],
    ['17:20 UTC', true],
    ['10月12日 14:05 回滚', true],
    ['2021-07-15', false],
    ['Timeline', false],
    ['Updates to the billing service', false],
  ])('%s → %s', (heading, moment) => {
    expect(isMomentHeading(heading)).toBe(moment)
  })
})

describe('stampedRun', () => {
  it('a list or paragraph whose lines mostly start with a time is a timeline', () => {
    expect(stampedRun(nodes('- 10:00 告警\n- 10:05 排查\n- 10:10 恢复')[0]!, beijing)).toHaveLength(3)
    expect(stampedRun(nodes('10:00 alert  \n10:05 triage  \n10:10 recovered')[0]!, march2)).toHaveLength(3)
  })

  it('a list with one stamped item, or two stamped lines, is not', () => {
    expect(stampedRun(nodes('- 10:00 alert\n- check the pool\n- check the disk')[0]!, march2)).toBeNull()
    expect(stampedRun(nodes('10:00 alert\n10:05 triage')[0]!, march2)).toBeNull()
  })
})

describe('timelineKind', () => {
  it.each([
    ['We rolled back the deploy', 'ATTEMPT'],
    ['决定切换到备用机房', 'DECISION'],
    ['服务恢复正常', 'RESULT'],
    ['Alerts fire for checkout', 'OBSERVATION'],
  ])('%s → %s', (text, kind) => {
    expect(timelineKind(text)).toBe(kind)
  })
})
