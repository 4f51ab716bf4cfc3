import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSource } from './preview-retro'
import { classifyHeading, parseRetro } from './parse-retro'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')
const verdicts = (pm: { hypotheses: { statement: string; status: string }[] }) =>
  pm.hypotheses.map((h) => [h.statement, h.status])

describe('parseRetro on the seed retro (移动联盟1.1)', () => {
  const retro = parseRetro(fixture('launch-retro-mobile-alliance-1.1.zh.md'))
  const [slow, growth, tables, checkin] = retro.postmortems

  it('makes one launch named after the H1 with the four incidents as postmortems', () => {
    expect(retro.launch).toEqual({ name: '移动联盟1.1版本上线总结回顾' })
    expect(retro.postmortems.map((p) => p.title)).toEqual([
      '老用户福利初始化脚本执行过慢',
      '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
      '线上修改及创建表结构遗漏',
      '线上部分用户出现签到完成但签到列表未更新的情况',
    ])
  })

  it('incident 1: the replica suspicion eliminated by the failed first attempt, the missing uid index confirmed', () => {
    expect(slow!.symptom).toBe('代码发布源站后，执行老用户初始化脚本，发现任务上报速度很慢，严重影响上线速度')
    const [replica, network, logging, locking, index] = slow!.hypotheses
    expect(replica!.statement).toContain('初次判断是主从的问题')
    expect(replica!.status).toBe('ELIMINATED')
    expect(replica!.evidence).toContain('将脚本改为查152主库，同时将进程数加至14')
    expect(replica!.evidence).toContain('mq上报速度为0.6/s')
    expect([network, logging, locking].map((h) => [h!.statement, h!.status, h!.evidence])).toEqual([
      ['网络延迟', 'ELIMINATED', '公司为万兆网且为内网传输，基本不存在'],
      ['日志写入过多', 'ELIMINATED', '测试环境写的日志更多，但无此情况'],
      ['多进程同时查询相同数据表，查询等待时间过长', 'ELIMINATED', 'MySQL进程没有积压'],
    ])
    expect(index).toEqual({
      statement: '索引问题',
      status: 'CONFIRMED',
      evidence: '通过查各项目的日志表，发现uid没有建索引，考虑从这里下手',
    })
    expect(slow!.timeline.map((e) => [e.kind, e.hypothesis])).toEqual([
      ['OBSERVATION', null],
      ['ATTEMPT', 0],
      ['RESULT', 0],
    ])
    expect(slow!.timeline[1]!.text).toBe('将脚本改为查152主库，同时将进程数加至14')
    expect(slow!.resolution).toBe('临时对uid添加索引。')
    expect(slow!.resolutionKind).toBe('TEMPORARY')
    expect(slow!.verification).toBe('mq上报速度瞬间增至80/s，所有数据在五分钟内消费完成。')
    expect(slow!.metric).toEqual({ label: 'mq上报速度', before: '0.6/s', after: '80/s' })
    expect(slow!.openQuestions).toHaveLength(1)
    expect(slow!.openQuestions[0]!.text).toMatch(/^开发和测试环境比同样没有索引/)
    expect(slow!.lessons).toHaveLength(1)
    expect(slow!.rootCause).toContain('uid没有建索引')
    expect(slow!.unmapped).toEqual([])
  })

  it('incident 2: whitelist eliminated, host 108 confirmed (which rules out the other two weighed with it), a temporary shutdown with a follow-up to re-enable it', () => {
    expect(verdicts(growth!)).toEqual([
      ['中台对移动联盟web集群有部分IP没放开', 'ELIMINATED'],
      ['中台方返回数据不稳定', 'ELIMINATED'],
      ['我方在调中台接口出现异常', 'ELIMINATED'],
      ['部分web机异常，在请求落到该机器时导致返回数据为空', 'CONFIRMED'],
    ])
    expect(growth!.hypotheses[1]!.evidence).toContain('针对问题2，3，4')
    expect(growth!.hypotheses[0]!.evidence).toContain('白名单')
    expect(verdicts(growth!)[3]).toEqual(['部分web机异常，在请求落到该机器时导致返回数据为空', 'CONFIRMED'])
    expect(growth!.hypotheses[3]!.evidence).toContain('108机器错误日志明显比其他机器多')
    expect(growth!.rootCause).toBe(
      '108机器版本较老，对新版curl的新特性不支持，导致我方对中台发起curl请求时返回异常',
    )
    expect(growth!.resolutionKind).toBe('TEMPORARY')
    expect(growth!.actionItems).toEqual([
      { title: '暂时关停108机器，待找到具体问题点之后再重新启用', owner: null, due: null, status: 'OPEN' },
    ])
  })

  it('incident 3: no hypotheses, a resolution and a lesson', () => {
    expect(tables!.hypotheses).toEqual([])
    expect(tables!.detection).toContain('部分表结构线上未创建')
    expect(tables!.resolution).toBe('临时提QS进行线上表结构修补')
    expect(tables!.lessons).toHaveLength(1)
    expect(tables!.lessons[0]).toContain('七十多张表')
  })

  it('incident 4: storage and code logic eliminated, cache-delete failure eliminated by the clear-cache test, the empty regenerated cache and replica lag behind it confirmed', () => {
    expect(verdicts(checkin!)).toEqual([
      ['签到信息入库失败', 'ELIMINATED'],
      ['代码逻辑错误', 'ELIMINATED'],
      ['redis缓存数据删除失败，导致缓存未更新', 'ELIMINATED'],
      // 3 and 4 were weighed together, 3 was ruled out and the cause found: the cache was indeed regenerated empty.
      ['redis删除成功但立即又生成一份空的', 'CONFIRMED'],
      ['主从延迟', 'CONFIRMED'],
    ])
    expect(checkin!.hypotheses[2]!.evidence).toContain('列表缓存清空')
    const lag = checkin!.hypotheses.find((h) => h.statement === '主从延迟')
    expect(lag?.status).toBe('CONFIRMED')
    expect(lag?.evidence).toContain('确定就是主从延迟导致的这个问题')
    expect(checkin!.lessons[0]).toContain('主从延迟')
  })
})

describe('parseRetro on English retros of other shapes', () => {
  it('reads a Google-SRE-style report with an action-item table and "where we got lucky"', () => {
    const { launch, postmortems } = parseRetro(fixture('sre-style.en.md'))
    const pm = postmortems[0]!
    expect(launch).toBeNull()
    expect(pm.title).toBe('Postmortem: Checkout API outage after config push')
    expect(pm.summary).toMatch(/^A config push set/)
    expect(pm.impact).toMatch(/^About 18% of checkout attempts failed/)
    expect(pm.detection).toMatch(/^PagerDuty alert/)
    expect(pm.rootCause).toContain('empty override as `0`')
    expect(pm.rootCause).toContain('config revision 8812') // the Trigger section
    expect(pm.resolution).toMatch(/^Rolled back config revision 8812/)
    expect(pm.timeline.map((e) => e.kind)).toEqual([
      'OBSERVATION',
      'OBSERVATION',
      'ATTEMPT',
      'OBSERVATION',
      'DECISION',
      'RESULT',
    ])
    expect(pm.lessons).toEqual([
      'The alert fired within three minutes.',
      'Config changes were not validated against a schema before rollout.',
      'The push happened outside the peak shopping window.',
    ])
    expect(pm.actionItems).toEqual([
      {
        title: 'Validate rendered config against a schema in CI',
        owner: 'alice@example.com',
        due: '2026-12-01',
        status: 'OPEN',
      },
      {
        title: 'Treat empty overrides as unset in the templating library',
        owner: 'bob',
        due: '2026-12-15',
        status: 'OPEN',
      },
      {
        title: 'Add a canary stage for config pushes',
        owner: 'carol@example.com',
        due: '2026-11-20',
        status: 'DONE',
      },
    ])
  })

  it('reads a timeline-heavy retro with front matter, referenced hypotheses and a before/after figure', () => {
    const pm = parseRetro(fixture('timeline-heavy.en.md')).postmortems[0]!
    expect(pm.title).toBe('Search latency spike during reindex')
    expect(verdicts(pm)).toEqual([
      ["Reindex job saturating the cluster's disk IO", 'CONFIRMED'],
      ['A bad query pattern from the new mobile client', 'ELIMINATED'],
      ['Replication lag between the search replicas', 'ELIMINATED'],
    ])
    expect(pm.timeline).toHaveLength(4)
    expect(pm.timeline[1]).toMatchObject({ kind: 'ATTEMPT' })
    expect(pm.resolutionKind).toBe('TEMPORARY')
    expect(pm.actionItems[0]?.title).toContain('once we throttle its IO')
    expect(pm.metric).toEqual({ label: 'Search p95', before: '2.4s', after: '85ms' })
    expect(pm.openQuestions).toEqual([
      { text: 'Why did the reindex job not respect the IO budget configured last quarter?', answer: '' },
    ])
  })

  it('reads a short free-form retro: intro as summary, checklist follow-ups with owners', () => {
    const pm = parseRetro(fixture('free-form.en.md')).postmortems[0]!
    expect(pm.title).toBe('Login emails delayed')
    expect(pm.summary).toMatch(/^Password-reset emails were delayed/)
    expect(pm.rootCause).toBe('Transactional and marketing mail shared one sender and one rate limit.')
    expect(pm.resolution).toBe('Moved transactional mail to its own sender domain.')
    expect(pm.actionItems).toEqual([
      {
        title: 'Alert when the provider queue is older than five minutes',
        owner: 'dave',
        due: '2026-12-05',
        status: 'OPEN',
      },
      { title: 'Separate sender domains', owner: 'erin', due: null, status: 'DONE' },
    ])
  })

  it('keeps sections it cannot place as unmapped notes', () => {
    const pm = parseRetro('# Outage\n\n## Symptoms\nSlow.\n\n## Weather that day\nSunny, no clouds.\n')
      .postmortems[0]!
    expect(pm.symptom).toBe('Slow.')
    expect(pm.unmapped).toEqual([
      { heading: 'Weather that day', text: 'Sunny, no clouds.', suggestion: 'summary' },
    ])
  })
})

describe('parseRetro on shapes nobody here wrote', () => {
  it('titles each incident of a numbered Chinese digest by its name, not its number', () => {
    const { postmortems } = parseRetro(
      '# 十一月线上问题汇总\n\n## 一、支付回调丢失\n### 现象\n订单状态未更新。\n\n## （二）图片加载慢\n### 现象\n详情页图片超过10秒。\n\n## 3. 404 on login\n### 现象\n登录页 404。\n',
    )
    expect(postmortems.map((p) => p.title)).toEqual(['支付回调丢失', '图片加载慢', '404 on login'])
  })

  it('does not take a labelled link at the top for the title of a document without headings', () => {
    const [pm] = parseRetro(
      'Internal post-mortem: https://example.com/incidents/pull/58\n\nOn 28th February, Feature Flags went down for about 3 hours.\n\nOur database started stalling.\n',
    ).postmortems
    expect(pm!.title).toBe('On 28th February, Feature Flags went down for about 3 hours')
  })

  it('reads the "What happened / Impact / Detection / Response / Recovery" shape and its Chinese kin', () => {
    const [en] = parseRetro(
      '# Checkout outage\n\n## What happened\n\nCheckout returned 502s.\n\n## Impact\n\n12% of orders failed.\n\n## Detection\n\nAn alert fired.\n\n## Response\n\nWe suspected the load balancer, but its logs looked fine.\n\n## Recovery\n\nWe rolled back the config push.\n',
    ).postmortems
    expect([en!.symptom, en!.impact, en!.detection, en!.resolution]).toEqual([
      'Checkout returned 502s.',
      '12% of orders failed.',
      'An alert fired.',
      'We rolled back the config push.',
    ])
    expect(en!.hypotheses.map((h) => [h.statement, h.status])).toEqual([['the load balancer', 'ELIMINATED']])
    const [zh] = parseRetro(
      '# 签到故障\n\n## 故障描述\n\n签到失败。\n\n## 根因\n\n缓存未失效。\n\n## 改进措施\n\n- 增加缓存监控\n',
    ).postmortems
    expect([zh!.symptom, zh!.rootCause, zh!.actionItems.map((a) => a.title)]).toEqual([
      '签到失败。',
      '缓存未失效。',
      ['增加缓存监控'],
    ])
  })

  it('reads a timeline of per-day sub-sections without taking its time-zone note for an event', () => {
    const [pm] = parseRetro(
      '# Outage\n\n## Timeline\n\nAll events are documented in UTC.\n\n### 2025-01-20\n- **15:38** updates started\n- **16:35** web restarted\n\n### 2025-01-21\n2025-01-21 (all times UTC)\n- **09:10** errors reported\n',
    ).postmortems
    expect(pm!.timeline.map((e) => [e.at, e.text])).toEqual([
      ['2025-01-20T15:38:00.000Z', '**15:38** updates started'],
      ['2025-01-20T16:35:00.000Z', '**16:35** web restarted'],
      ['2025-01-21T09:10:00.000Z', '**09:10** errors reported'],
    ])
  })

  it('reads the cause and the fix from the updates of a status-page notice', () => {
    const [pm] = parseRetro(
      [
        '**UPDATE** (Mar 3, 18:10 UTC): All systems are operating normally.',
        '**UPDATE** (Mar 3, 17:40 UTC): A fix has been deployed and we are monitoring.',
        '**UPDATE** (Mar 3, 17:05 UTC): We identified the cause: an expired certificate on the API gateway.',
        'Original notice (Mar 3, 16:30 UTC): We are investigating elevated error rates on the API.',
      ].join('\n\n'),
    ).postmortems
    expect(pm!.timeline).toHaveLength(4)
    expect(pm!.rootCause).toContain('an expired certificate on the API gateway')
    expect(pm!.resolution).toContain('A fix has been deployed')
  })
})

describe('heading vocabulary', () => {
  it.each([
    ['问题现象', 'symptom'],
    ['问题总结：', 'lessons'],
    ['Root cause: config drift', 'rootCause'],
    ['Lessons Learned', 'lessons'],
    ['1. 可能原因', 'hypotheses'],
    ['Where we got lucky', 'lessons'],
    ['Follow-ups', 'actionItems'],
    ['Weather', null],
  ])('%s → %s', (heading, field) => {
    expect(classifyHeading(heading)).toBe(field)
  })
})

describe('checkSource', () => {
  it('refuses what cannot be a retro, with a reason', () => {
    expect(checkSource('   ')).toBe('EMPTY')
    expect(checkSource('no headings at all, just prose')).toBe('NO_STRUCTURE')
    expect(checkSource('# Title\u0000\u0001binary')).toBe('BINARY')
    expect(checkSource(`# Big\n${'x'.repeat(5 * 1024 * 1024)}`)).toBe('TOO_LARGE')
    expect(checkSource('# Fine\n\ntext')).toBeNull()
    const notice =
      '**Resolved** - Service is back to normal.\n\n**Investigating** - Some users cannot log in; we are looking into it.'
    expect(checkSource(notice)).toBeNull() // paragraphs without headings: a status-page notice
  })
})

describe('parseRetro on the SRE book’s shape', () => {
  const [pm] = parseRetro(
    [
      '# Sonnet++ Postmortem (incident #465)',
      '## Date',
      '2015-10-21',
      '## Severity',
      'Critical - search down in every cluster',
      '## Resolution',
      'Directed traffic to a sacrificial cluster to mitigate the cascading failure. Maintaining extra capacity until the surge passes.',
      '## Action Items',
      '| Action Item | Owner | Bug |\n| --- | --- | --- |\n| Plug file descriptor leak | agoogler | n/a **DONE** |',
    ].join('\n\n'),
  ).postmortems
  it('a section of one fact ("## Date", "## Severity") is read as front matter would be', () => {
    expect(pm!.occurredAt?.slice(0, 10)).toBe('2015-10-21')
    expect(pm!.severity).toBe('SEV1')
  })

  it('what a mitigation defers is the sentence that defers it, beside the listed items', () => {
    expect(pm!.actionItems.map((a) => [a.title, a.status])).toEqual([
      ['Maintaining extra capacity until the surge passes', 'OPEN'],
      ['Plug file descriptor leak', 'DONE'],
    ])
  })
})

describe('parseRetro on a corporate Chinese template', () => {
  const [pm] = parseRetro(
    [
      '# 【P1】订单服务连接池耗尽故障复盘',
      '**事件等级**：P1\n**发生时间**：2025-09-07 10:15\n**恢复时间**：2025-09-07 11:02\n**影响服务**：订单服务、支付回调',
      '## 一、故障现象',
      '下单接口大量超时，用户反馈无法提交订单。',
      '## 三、处理过程',
      '| 时间 | 事件 | 处理人 |\n|---|---|---|\n| 10:15 | 监控告警：order-api 5xx 超过阈值 | 值班 |\n| 10:48 | 回滚对账任务，重启订单服务 | 韩梅梅 |\n| 11:02 | 错误率恢复正常，故障解除 | 值班 |',
    ].join('\n\n'),
  ).postmortems
  it('labelled facts are facts: "**恢复时间**" opens no resolution and joins none', () => {
    expect(pm!.severity).toBe('SEV1')
    expect(pm!.services).toEqual(['订单服务', '支付回调'])
    expect(pm!.resolution).not.toContain('恢复时间')
    expect(pm!.resolution).toContain('回滚对账任务')
  })

  it('a table of times under "处理过程" is the timeline', () => {
    expect(pm!.timeline.map((e) => e.text)).toEqual([
      expect.stringContaining('监控告警'),
      expect.stringContaining('回滚对账任务'),
      expect.stringContaining('错误率恢复正常'),
    ])
    expect(pm!.timeline[0]!.at).toBe('2025-09-07T02:15:00.000Z')
  })
})
