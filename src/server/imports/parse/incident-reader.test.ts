import { describe, expect, it } from 'vitest'
import { IncidentReader, suggest } from './incident-reader'
import { buildTree, parseMarkdown } from './markdown'
import type { TimeContext } from './timestamps'

const beijing: TimeContext = { day: new Date(Date.UTC(2023, 9, 12)), offset: 480 }
const march2: TimeContext = { day: new Date(Date.UTC(2024, 2, 2)), offset: 0 }
const read = (source: string, context = beijing) =>
  new IncidentReader('签到列表未更新', context).read(buildTree(parseMarkdown(source)))

describe('IncidentReader', () => {
  const pm = read(
    [
      '## 问题现象',
      '签到完成后列表未更新。',
      '## 可能原因',
      '1. 缓存未失效\n2. 主从延迟：从库延迟只有 1 秒，基本不存在\n3. 客户端缓存',
      '## 排查过程',
      '针对可能原因3，抓包确认客户端每次都请求了接口，可以排除。',
      '确认是缓存未失效导致的。',
      '## 解决方案',
      '临时清理缓存，待修复发布后再恢复定时任务。',
      '## 经验教训',
      '发布前检查缓存策略。',
      '## 后续改进',
      '- [ ] 增加缓存命中率告警（负责人：张三）',
      '## 天气',
      '当天晴。',
    ].join('\n\n'),
  )

  it('reads known sections into their fields, sure of the headings the vocabulary names', () => {
    expect(pm.symptom).toBe('签到完成后列表未更新。')
    expect(pm.lessons).toEqual(['发布前检查缓存策略。'])
    expect(pm.confidence).toMatchObject({ symptom: 0.95, resolution: 0.95, lessons: 0.95, actionItems: 0.95 })
  })

  it('numbered possible causes become hypotheses; their own answers and later references set verdicts', () => {
    expect(pm.hypotheses.map((h) => [h.statement, h.status])).toEqual([
      ['缓存未失效', 'CONFIRMED'],
      ['主从延迟', 'ELIMINATED'],
      ['客户端缓存', 'ELIMINATED'],
    ])
    expect(pm.hypotheses[2]!.evidence).toContain('抓包确认')
    expect(pm.rootCause).toContain('缓存未失效')
  })

  it('a temporary fix is marked so, and what it defers becomes an open follow-up', () => {
    expect(pm.resolutionKind).toBe('TEMPORARY')
    expect(pm.actionItems).toEqual([
      { title: '临时清理缓存，待修复发布后再恢复定时任务', owner: null, due: null, status: 'OPEN' },
      { title: '增加缓存命中率告警', owner: '张三', due: null, status: 'OPEN' },
    ])
  })

  it('a list introduced as what failed ("Three parts of the system failed:", "主要原因有：") is the root cause', () => {
    const english = read(
      [
        '## Background',
        'The hotfix shipped unsigned binaries.',
        'Three parts of the system failed:',
        '1. The release tool could not roll back.\n2. The recipe skipped signing when two commits landed close together.',
        '## Action items',
        '- Add a rollback command',
      ].join('\n\n'),
      march2,
    )
    expect(english.rootCause).toContain('The recipe skipped signing when two commits landed close together.')
    expect(english.summary).not.toContain('The recipe skipped signing')
    const chinese = read(
      ['## 背景', '推送服务大量超时。', '主要原因有以下几点：', '- 连接池过小\n- 内核参数未开启'].join(
        '\n\n',
      ),
    )
    expect(chinese.rootCause).toContain('连接池过小')
    expect(chinese.rootCause).toContain('内核参数未开启')
  })

  it('under a timeline, a part that opens with its moment is that moment, and one told moment by moment is the timeline', () => {
    const pm = read(
      [
        '## 时间轴（北京时间）',
        '### 问题发生',
        '2025-01-13 22:27 上游报警，RD 同学找过来',
        '### 2.1 首次发生',
        '首次发生：2025-10-22 22:46',
        '### 2.4 问题响应',
        '2025-10-23 10:00 开始排查\n\n2025-10-23 13:15 开始上线异常处理代码',
      ].join('\n\n'),
    )
    expect(pm.timeline.map((e) => e.text.split('\n')[0])).toEqual([
      '**问题发生**',
      '**2.1 首次发生**',
      '2025-10-23 10:00 开始排查',
      '2025-10-23 13:15 开始上线异常处理代码',
    ])
    expect(pm.unmapped).toEqual([])
  })

  it('follow-ups: a list of bare links is where work is tracked, one paragraph of obligations is one item a sentence', () => {
    const links = read(
      [
        '## Next steps',
        'The files should be transferred to a production bucket.',
        '- https://github.com/habbes/quickbyte/issues/320',
        'I also want to send an incident report to customers.',
      ].join('\n\n'),
      march2,
    )
    expect(links.actionItems.map((a) => a.title)).toEqual([
      'The files should be transferred to a production bucket.',
      'I also want to send an incident report to customers.',
    ])
    const obligations = read(
      '## Prevention\n\nIt is necessary to monitor the task queue. We need to page someone on duty. We will remove old tasks automatically.',
      march2,
    )
    expect(obligations.actionItems.map((a) => a.title)).toEqual([
      'It is necessary to monitor the task queue',
      'We need to page someone on duty',
      'We will remove old tasks automatically',
    ])
  })

  it('references and acknowledgements are kept, never read as part of the incident', () => {
    const pm = read(['## 参考资料', '- 可能是因为缓存未更新导致的：https://example.com/a'].join('\n\n'))
    expect(pm.unmapped.map((u) => [u.heading, u.suggestion])).toEqual([['参考资料', null]])
    expect(pm.hypotheses).toEqual([])
    expect(pm.rootCause).toBe('')
  })

  it('a quoted message to customers ("we will share a report once we have finished") is not a follow-up', () => {
    const pm = read(
      '## Mitigation\n\nAs a temporary fix we re-enabled the provider.\n\n> Hello, we will share a detailed report once we have finished our investigation.',
      march2,
    )
    expect(pm.actionItems).toEqual([])
  })

  it('keeps a section it cannot place as a note with a proposed field', () => {
    expect(pm.unmapped).toEqual([{ heading: '天气', text: '当天晴。', suggestion: 'summary' }])
  })

  it('moment headings under Timeline are entries with their time', () => {
    const en = new IncidentReader('Checkout outage', march2).read(
      buildTree(
        parseMarkdown(
          '## Timeline\n\n### 14:05 UTC\n\nAlerts fire.\n\n### 14:30 UTC\n\nRolled back the deploy.',
        ),
      ),
    )
    expect(en.timeline.map((e) => [e.at, e.kind, e.text])).toEqual([
      ['2024-03-02T14:05:00.000Z', 'OBSERVATION', '**14:05 UTC**\n\nAlerts fire.'],
      ['2024-03-02T14:30:00.000Z', 'ATTEMPT', '**14:30 UTC**\n\nRolled back the deploy.'],
    ])
  })

  it('a status notice before any heading becomes the timeline, not the summary', () => {
    const en = new IncidentReader('Checkout errors', { day: null, offset: 0 }).read(
      buildTree(
        parseMarkdown(
          'We are investigating errors on checkout.\n\n**Update** - A bad deploy was identified.\n\nJan 31, 2017 - 14:40 UTC\n\n**Resolved** - Checkout is back to normal.\n\nJan 31, 2017 - 15:10 UTC',
        ),
      ),
    )
    expect(en.timeline.map((e) => e.at)).toEqual([
      null,
      '2017-01-31T14:40:00.000Z',
      '2017-01-31T15:10:00.000Z',
    ])
    expect(en.confidence?.timeline).toBe(0.95)
  })
})

describe('suggest', () => {
  it.each([
    ['The root cause was an expired certificate.', 'rootCause'],
    ['We rolled back the deploy.', 'resolution'],
    ['About 20% of users were affected.', 'impact'],
    ['用户打开页面时报错。', 'symptom'],
    ['Sunny, no clouds.', 'summary'],
  ])('%s → %s', (text, field) => {
    expect(suggest(text)).toBe(field)
  })
})

describe('follow-ups written as paragraphs', () => {
  it('under an action-items heading with no list, each paragraph is an item; a lead-in is not', () => {
    const pm = new IncidentReader('DNS outage', march2).read(
      buildTree(
        parseMarkdown(
          '## Follow-up\n\nWhat we are changing:\n\nThe monitoring system should notify more people. (filed https://example.com/1)\n\nIt would help to have a channel for urgent help. (added an @emergency role)\n',
        ),
      ),
    )
    expect(pm.actionItems.map((a) => [a.title.slice(0, 30), a.status])).toEqual([
      ['The monitoring system should n', 'OPEN'],
      ['It would help to have a channe', 'DONE'],
    ])
    expect(pm.unmapped).toEqual([])
  })
})

describe('an incident log entry ("- **Context**: …", "- **Resolution**: We suspect …")', () => {
  it('reads the context as the summary and a suspicion told in the resolution as a hypothesis', () => {
    const pm = read(
      [
        '- **Status**: Resolved at 2020-02-18 14:59 UTC',
        '- **Context**:\n   - The URL was unreachable.\n   - Disk space was ruled out as the cause.',
        '- **Resolution**:\n    We suspect an external networking issue to be the cause of this outage.',
      ].join('\n\n'),
      march2,
    )
    expect(pm.summary).toContain('The URL was unreachable.')
    expect(pm.hypotheses.map((h) => [h.statement, h.status])).toEqual([
      ['an external networking issue', 'OPEN'],
      ['Disk space', 'ELIMINATED'],
    ])
  })
})

describe('a lessons section with a list', () => {
  it('takes the list as the lessons; the prose after it is an afterword kept for a person', () => {
    const pm = read(
      [
        '## 总结与展望',
        '这次排查学到了挺多的东西:',
        '- 复盘要小心偶然情况。\n- 查日志别偷懒。',
        '结果意外发现平台每半小时会触发一百余次 reload。',
      ].join('\n\n'),
    )
    expect(pm.lessons).toEqual(['复盘要小心偶然情况。', '查日志别偷懒。'])
    expect(pm.unmapped.map((u) => u.text)).toEqual(['结果意外发现平台每半小时会触发一百余次 reload。'])
  })
})

describe('one paragraph of obligations under a follow-up heading', () => {
  it('gives an item a sentence that obliges, and keeps the rest, where a suspicion told in it is read', () => {
    const pm = new IncidentReader('Task queue stopped', march2).read(
      buildTree(
        parseMarkdown(
          '## Prevention?\n\nIt is necessary to monitor the task processing subsystem. We need to supervise every restart. Old tasks will be removed from the database automatically. We do not know what triggered the switch of task counter. We think it was a code bug or error in database connection configuration.\n',
        ),
      ),
    )
    expect(pm.actionItems.map((a) => a.title)).toEqual([
      'It is necessary to monitor the task processing subsystem',
      'We need to supervise every restart',
      'Old tasks will be removed from the database automatically',
    ])
    expect(pm.hypotheses.map((h) => h.statement)).toEqual([
      'a code bug',
      'error in database connection configuration',
    ])
    expect(pm.unmapped.map((u) => u.text).join(' ')).toContain('We do not know what triggered the switch')
  })
})

describe('a list introduced as the fix', () => {
  it('is the resolution wherever it is told; a list introduced as follow-ups stays action items', () => {
    const pm = read(
      [
        '早上收到告警，证书校验失败。',
        '最后整理一下修复步骤：',
        '1. 更新系统根证书\n2. 重启网关',
        '为了避免再次发生，后续会：',
        '- 增加证书到期告警',
      ].join('\n\n'),
    )
    expect(pm.resolution).toBe('1. 更新系统根证书\n2. 重启网关')
    expect(pm.actionItems.map((a) => a.title)).toEqual(['增加证书到期告警'])
  })
})

describe('a fix section that proposes more', () => {
  it('gives its proposals as open follow-ups when the retro has no follow-up section', () => {
    const pm = read(
      ['## 修复', '- 扩容两台从库\n- 建议为所有查询设置超时\n- 应该把批量任务迁到离线库'].join('\n\n'),
    )
    expect(pm.resolution).toContain('扩容两台从库')
    expect(pm.actionItems.map((a) => [a.title, a.status])).toEqual([
      ['建议为所有查询设置超时', 'OPEN'],
      ['应该把批量任务迁到离线库', 'OPEN'],
    ])
  })
})

describe('labels inside a root cause', () => {
  it('"**Problem**:" under a root-cause heading describes the cause, not what users saw', () => {
    const pm = new IncidentReader('Upgrades lost', march2).read(
      buildTree(
        parseMarkdown(
          '## Summary\n\nPaying customers could not use the features they bought.\n\n## Root cause\n\n### 1. Silent webhook failure\n\n**Problem**: the webhook handler never checked whether its write succeeded.\n\n**Resolution**: the handler now fails loudly.',
        ),
      ),
    )
    expect(pm.rootCause).toContain('never checked whether its write succeeded')
    expect(pm.symptom).toContain('could not use the features')
    expect(pm.resolution).toContain('fails loudly')
  })
})

describe('suspicions the story never settles', () => {
  it('are ruled out when the retro names another root cause; one the root cause states held', () => {
    const pm = read(
      [
        '## 排查过程',
        '一开始怀疑是网络抖动，随后查看了慢查询日志。',
        '也怀疑过连接池配置过小。',
        '## 根本原因',
        '连接池配置过小，高峰期连接被占满。',
      ].join('\n\n'),
    )
    expect(pm.hypotheses.map((h) => [h.statement, h.status])).toEqual([
      ['网络抖动', 'ELIMINATED'],
      ['连接池配置过小', 'CONFIRMED'],
    ])
  })
})

describe('work a resolution says is planned or under way', () => {
  it('is an open follow-up when the retro has no follow-up section', () => {
    const pm = new IncidentReader('Runners compromised', march2).read(
      buildTree(
        parseMarkdown(
          '## Resolution\n\nAll runners were stopped on Monday. The team plans to commission an external audit. Signing keys are being rotated.',
        ),
      ),
    )
    expect(pm.actionItems.map((a) => [a.title, a.status])).toEqual([
      ['The team plans to commission an external audit.', 'OPEN'],
      ['Signing keys are being rotated.', 'OPEN'],
    ])
  })
})

describe('a root cause taken from a confirmed hypothesis', () => {
  it('keeps the paragraph of its evidence that states the cause, not only the first', () => {
    const pm = read(
      [
        '## 排查过程',
        '磁盘空间充足，怀疑与新版本的日志配置有关。',
        '对比两个版本的日志配置，确认了新版本的日志配置把级别设成了 DEBUG，这是造成本次故障的主要原因。',
      ].join('\n\n'),
    )
    expect(pm.hypotheses.map((h) => [h.statement, h.status])).toEqual([
      ['与新版本的日志配置有关', 'CONFIRMED'],
    ])
    expect(pm.rootCause).toContain('把级别设成了 DEBUG')
  })
})
