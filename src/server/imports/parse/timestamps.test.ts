import { describe, expect, it } from 'vitest'
import {
  documentOffset,
  findDate,
  isDateOnly,
  leadingStamp,
  stampTime,
  startsWithDate,
  statesWindow,
  timeIn,
  type TimeContext,
} from './timestamps'

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const march2: TimeContext = { day: utc(2024, 3, 2), offset: 0 }
/** A Chinese document of 12 October 2023: Beijing time. */
const beijing: TimeContext = { day: utc(2023, 10, 12), offset: 480 }

describe('leadingStamp', () => {
  it.each([
    ['14:05 UTC - Alerts fire for checkout', '14:05 UTC', 'Alerts fire for checkout'],
    ['2017-01-31 23:00 Replica lag spikes', '2017-01-31 23:00', 'Replica lag spikes'],
    [
      'Jan 31, 2017 - 14:05 UTC: Engineer removes the wrong directory',
      'Jan 31, 2017 - 14:05 UTC',
      'Engineer removes the wrong directory',
    ],
    ['**14:05** Pager goes off', '14:05', 'Pager goes off'],
    ['[14:05] Deploy starts', '14:05', 'Deploy starts'],
    // As a list item is written back to Markdown: the bracket escaped.
    ['\\[08:47] Bump PR is merged', '08:47', 'Bump PR is merged'],
    ['2:30 PM PST the fix is deployed', '2:30 PM PST', 'the fix is deployed'],
    ['14:05-14:30 UTC checkout degraded', '14:05-14:30 UTC', 'checkout degraded'],
    ['10月12日 14:05 用户反馈签到失败', '10月12日 14:05', '用户反馈签到失败'],
    ['14点05分 开始回滚', '14点05分', '开始回滚'],
    ['上午10:00 收到告警', '上午10:00', '收到告警'],
    ['下午3点半 服务恢复', '下午3点半', '服务恢复'],
    ['10月12日 晚上8点 发现问题', '10月12日 晚上8点', '发现问题'],
    ['2023年10月12日 14:05 发布新版本', '2023年10月12日 14:05', '发布新版本'],
  ])('%s', (line, stamp, rest) => {
    expect(leadingStamp(line)).toEqual({ stamp, rest, relative: false })
  })

  it.each([
    ['T+15m rollback started', 'T+15m', 'rollback started'],
    ['Day 2 - we moved traffic to the new region', 'Day 2', 'we moved traffic to the new region'],
    ['第二天 继续排查', '第二天', '继续排查'],
  ])('%s is relative: kept as text, no time', (line, stamp, rest) => {
    const found = leadingStamp(line)
    expect(found).toEqual({ stamp, rest, relative: true })
    expect(stampTime(found!, march2)).toBeNull()
  })

  it.each([
    '3 servers were restarted',
    '1. Roll back the deploy',
    '3/4 of users saw errors',
    '5 minutes later it recovered',
    'The database was slow at 14:05',
    '版本 1.2 发布后出现问题',
  ])('%s does not start with a stamp', (line) => {
    expect(leadingStamp(line)).toBeNull()
  })
})

describe('stampTime', () => {
  const at = (line: string, context: TimeContext) => stampTime(leadingStamp(line)!, context)

  it('takes the day from the context when the stamp has only a time', () => {
    expect(at('14:05 UTC - Alerts fire', march2)).toBe('2024-03-02T14:05:00.000Z')
    expect(at('2:30 PM PST the fix is deployed', march2)).toBe('2024-03-02T22:30:00.000Z')
  })

  it('gives no time when the day is unknown', () => {
    expect(at('14:05 Alerts fire', { day: null, offset: 0 })).toBeNull()
  })

  it('a stamp with its own full date needs no context', () => {
    expect(at('Jan 31, 2017 - 14:05 UTC: rm -rf', { day: null, offset: 0 })).toBe('2017-01-31T14:05:00.000Z')
  })

  it('a month and day take the year from the context', () => {
    expect(at('03/15 14:05 deploy', march2)).toBe('2024-03-15T14:05:00.000Z')
  })

  it('reads Chinese stamps in Beijing time', () => {
    expect(at('10月12日 14:05 用户反馈签到失败', beijing)).toBe('2023-10-12T06:05:00.000Z')
    expect(at('14点05分 开始回滚', beijing)).toBe('2023-10-12T06:05:00.000Z')
    expect(at('上午10:00 收到告警', beijing)).toBe('2023-10-12T02:00:00.000Z')
    expect(at('下午3点半 服务恢复', beijing)).toBe('2023-10-12T07:30:00.000Z')
    expect(at('2023年10月12日 14:05 发布', { day: null, offset: 480 })).toBe('2023-10-12T06:05:00.000Z')
  })

  it('reads months and days in Chinese numerals and the short 晚 / 早', () => {
    expect(at('2016年二月五日晚19点 线上崩溃', { day: null, offset: 480 })).toBe('2016-02-05T11:00:00.000Z')
    expect(at('2023年3月5日晚8点 收到告警', { day: null, offset: 480 })).toBe('2023-03-05T12:00:00.000Z')
    expect(at('2023年3月5日早9点 开始回滚', { day: null, offset: 480 })).toBe('2023-03-05T01:00:00.000Z')
  })

  it('a zone written in the stamp wins over the document’s', () => {
    expect(at('14:05 UTC 告警触发', beijing)).toBe('2023-10-12T14:05:00.000Z')
  })
})

describe('documentOffset', () => {
  it.each([
    ['# 签到故障复盘\n\n晚上八点收到告警', 480],
    ['# 故障复盘\n\n时间均为北京时间', 480],
    ['# 故障复盘\n\n以下时间均为 UTC', 0],
    ['# Checkout outage\n\nAll times UTC.', 0],
    ['# Checkout outage\n\nAll times are PDT.', -420],
    ['# Checkout outage\n\nNo zone mentioned.', 0],
  ])('%j → %i minutes', (text, offset) => {
    expect(documentOffset(text)).toBe(offset)
  })
})

describe('days', () => {
  it('isDateOnly: a line that is only a day', () => {
    expect(isDateOnly('January 31, 2017')).toBe(true)
    expect(isDateOnly('2017-01-31')).toBe(true)
    expect(isDateOnly('**10月12日**')).toBe(true)
    expect(isDateOnly('2017-01-31 the day the backups failed')).toBe(false)
    expect(isDateOnly('14:05')).toBe(false)
    // A note in brackets is still a day line; a time in them is not.
    expect(isDateOnly('2020-04-16 (all times UTC)')).toBe(true)
    expect(isDateOnly('2020-04-16 (from 14:05)')).toBe(false)
  })

  it('findDate: the first full date of a text', () => {
    expect(findDate('On January 31, 2017 we lost six hours of data.', 0)).toEqual(
      new Date('2017-01-31T12:00:00Z'),
    )
    expect(findDate('2023年10月12日晚上，签到列表未更新', 480)?.toISOString()).toBe(
      '2023-10-12T04:00:00.000Z',
    )
    expect(findDate('Jan 31, no year given', 0)).toBeNull()
    expect(findDate('No date here.', 0)).toBeNull()
  })

  it('startsWithDate: a heading that starts with a day', () => {
    expect(startsWithDate('2024-02-07 网站无法访问')).toBe(true)
    expect(startsWithDate('March 3: database failover')).toBe(true)
    expect(startsWithDate('Update on the database')).toBe(false)
  })
})

describe('timeIn', () => {
  it('finds the moment a sentence of prose names', () => {
    expect(timeIn('At 17:20 UTC we restarted the primary.', march2)).toBe('2024-03-02T17:20:00.000Z')
    expect(timeIn('当天下午5点左右，客服收到大量投诉。', beijing)).toBe('2023-10-12T09:00:00.000Z')
  })

  it('accepts the spaces Chinese writers put around numbers', () => {
    expect(timeIn('当天下午 5 点左右，客服收到大量投诉。', beijing)).toBe('2023-10-12T09:00:00.000Z')
    expect(leadingStamp('晚上 8 点 30 分 发现问题')?.rest).toBe('发现问题')
  })

  it('is null for a time of an unknown day, undefined when the sentence names no time', () => {
    expect(timeIn('At 17:20 we restarted the primary.', { day: null, offset: 0 })).toBeNull()
    expect(timeIn('We restarted 3 servers.', march2)).toBeUndefined()
    expect(timeIn('版本 1.2 发布后出现问题。', beijing)).toBeUndefined()
  })
})

describe('statesWindow', () => {
  it.each([
    'Between approximately 2025-07-30 21:27 UTC and 2025-07-31 07:27 UTC the site was down.',
    'Feature flags went down for about 3 hours, from 15:30 to 18:10 UTC.',
    '2026年5月8日至27日期间，镜像站的可用性受到了较大影响。',
    '晚上8点到10点之间服务不可用。',
  ])('reads "%s" as the window of an incident', (sentence) => {
    expect(statesWindow(sentence)).toBe(true)
  })

  it.each([
    'At 10:04 AM, task retrieving was working, but we found another problem.',
    'At 10:04 - we restarted 3 servers.',
    '10月12日 14:05 到达现场后重启了 2 台机器。',
  ])('reads "%s" as a moment', (sentence) => {
    expect(statesWindow(sentence)).toBe(false)
  })
})
