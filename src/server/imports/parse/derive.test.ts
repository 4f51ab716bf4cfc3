import { describe, expect, it } from 'vitest'
import { emptyPostmortem, UNSURE, type ParsedTimelineEntry } from '../parsed-retro'
import { isMetaLine } from '../text'
import { deriveMissing, SURE } from './derive'
import type { TimeContext } from './timestamps'

const march2: TimeContext = { day: new Date(Date.UTC(2024, 2, 2)), offset: 0 }
const beijing: TimeContext = { day: new Date(Date.UTC(2023, 9, 12)), offset: 480 }
const entry = (text: string, kind: ParsedTimelineEntry['kind'] = 'OBSERVATION'): ParsedTimelineEntry => ({
  kind,
  text,
  hypothesis: null,
  at: null,
})

describe('deriveMissing', () => {
  it('without a symptom section, takes the symptom from the summary’s headline, below the "check this" line', () => {
    const pm = emptyPostmortem('Checkout outage')
    pm.summary =
      'Checkout returned errors for 40 minutes after a config push. The push set the pool size to zero.'
    const sure = deriveMissing(pm, march2)
    expect(pm.symptom).toBe('Checkout returned errors for 40 minutes after a config push.')
    expect(sure.symptom).toBeDefined()
    expect(sure.symptom!).toBeLessThan(UNSURE)
  })

  it('without a symptom section, also takes what went wrong from the first timeline entries and sections nothing else took', () => {
    const pm = emptyPostmortem('Hub outage')
    pm.summary = 'On August 12 an engineer deleted the prod namespace while working on another hub.'
    pm.timeline = [entry('14:02 Users report 404 errors on every page'), entry('14:30 Namespace restored')]
    pm.unmapped = [
      { heading: 'Context', text: 'The booking site could not load its login page.', suggestion: null },
    ]
    deriveMissing(pm, march2)
    expect(pm.symptom).toContain('Users report 404 errors on every page')
    expect(pm.symptom).toContain('The booking site could not load its login page.')
    expect(pm.symptom).not.toContain('Namespace restored')
  })

  it('without a symptom section, a summary sentence that says what broke ("causing the sign-in workflow to break") is the symptom', () => {
    const pm = emptyPostmortem('Ingress outage')
    pm.summary =
      'We moved to a new ingress controller. A misconfiguration kept forwarded headers out, causing the sign-in workflow to break.'
    deriveMissing(pm, march2)
    expect(pm.symptom).toContain('causing the sign-in workflow to break')
  })

  it('without a symptom section, "did not work" and "delay" say what went wrong', () => {
    const pm = emptyPostmortem('Task queue')
    pm.summary =
      'On 23rd October a subsystem for task processing was restarted. Bulk offer editing did not work at all. The restart caused several hours of delay in task processing. The team met on Friday.'
    deriveMissing(pm, march2)
    expect(pm.symptom).toContain('Bulk offer editing did not work at all.')
    expect(pm.symptom).toContain('several hours of delay')
    expect(pm.symptom).not.toContain('The team met')
  })

  it('without a symptom section, takes what was reported, wherever it sits in the timeline', () => {
    const pm = emptyPostmortem('Booking outage')
    pm.summary = 'We moved the ingress to a new proxy.'
    pm.timeline = [
      entry('08:20 Load balancers switched to the new proxy'),
      entry('08:40 Smoke tests pass'),
      entry('09:00 Proxy config reviewed'),
      entry('09:26 A developer reports many HTTP 307 redirects on the login service'),
      entry('09:40 收到用户反馈，下单页面一直转圈'),
      entry('09:50 Rollback performed'),
    ]
    deriveMissing(pm, march2)
    expect(pm.symptom).toContain('reports many HTTP 307 redirects')
    expect(pm.symptom).toContain('下单页面一直转圈')
    expect(pm.symptom).not.toContain('Rollback')
  })

  it('does not take a note on how the times read ("All times PDT.") or a byline for the headline', () => {
    const pm = emptyPostmortem('Prow flakiness')
    pm.summary =
      'Created by: [Katharine Berry](https://github.com/Katharine)\n\nAll times PDT.\n\nMany tests were failing in surprising ways.'
    deriveMissing(pm, march2)
    expect(pm.symptom).toBe('Many tests were failing in surprising ways.')
  })

  it('does not take an aside in brackets for the headline', () => {
    const pm = emptyPostmortem('Network attacks')
    pm.summary =
      '*(Note: certain key facts have been left out to keep attackers from learning our mitigation)*\n\nIn early June we had periodic (small) outages.'
    deriveMissing(pm, march2)
    expect(pm.symptom).toBe('In early June we had periodic (small) outages.')
  })

  it('takes what an alert reported at a moment heading, without the heading itself', () => {
    const pm = emptyPostmortem('Incorrect TLS certificates')
    pm.timeline = [
      entry('**2018-10-08 18:10**\n\nWe hit a snag provisioning certificates.'),
      entry('**2018-10-30 09:10**\n\nAll services were redeployed.'),
      entry('**2018-10-30 12:10**\n\nStaging looked fine.'),
      entry(
        '**2018-10-30 12:15**\n\nSentry began sending alerts because the scraper was encountering ssl errors.',
      ),
    ]
    deriveMissing(pm, march2)
    expect(pm.symptom).toContain(
      'Sentry began sending alerts because the scraper was encountering ssl errors.',
    )
    expect(pm.symptom).not.toContain('**2018-10-30 12:15**')
  })

  it('a Chinese summary: the headline, then what the impact says first; metadata lines are skipped', () => {
    const pm = emptyPostmortem('签到列表未更新')
    pm.summary = '**日期**：2023-10-12\n\n线上部分用户签到完成后签到列表未更新，持续约两小时。'
    pm.impact = '约 5% 的安卓用户受影响。'
    const sure = deriveMissing(pm, beijing)
    expect(pm.symptom).toBe('线上部分用户签到完成后签到列表未更新，持续约两小时。 约 5% 的安卓用户受影响。')
    expect(sure.symptom).toBe(SURE.derived)
  })

  it('without a resolution section, takes the last timeline entry that says how it was fixed', () => {
    const pm = emptyPostmortem('Checkout outage')
    pm.symptom = 'Checkout failed.'
    pm.timeline = [
      entry('14:05 Alerts fire for checkout 5xx'),
      entry('14:20 Rolled back the config push and restarted the pods', 'ATTEMPT'),
      entry('14:45 Error rate back to normal', 'RESULT'),
    ]
    const sure = deriveMissing(pm, march2)
    expect(pm.resolution).toBe('14:20 Rolled back the config push and restarted the pods')
    expect(sure.resolution).toBe(SURE.derived)
  })

  it('without a resolution section, a part swapped out or a setting refined is the fix, and so is "has not recurred"', () => {
    const pm = emptyPostmortem('Edge switch failures')
    pm.summary =
      'Two edge switches dropped packets for a week. The faulty line cards were swapped out on Friday. The rate limit was refined to spare internal traffic.'
    deriveMissing(pm, march2)
    expect(pm.resolution).toContain('swapped out on Friday')
    expect(pm.resolution).toContain('The rate limit was refined')
    const zh = emptyPostmortem('推送延迟')
    zh.summary = '推送延迟了两个小时。更换网卡之后，该问题没有再出现。'
    deriveMissing(zh, beijing)
    expect(zh.resolution).toBe('更换网卡之后，该问题没有再出现。')
  })

  it('without a resolution section, takes the fix told in a section nothing else took', () => {
    const pm = emptyPostmortem('Full GC 频繁')
    pm.symptom = '线上应用频繁 FullGC，接口超时。'
    pm.unmapped = [
      {
        heading: '排查',
        text: '怀疑与最新发布的代码版本有关。于是决定先回退代码版本，观察一晚。',
        suggestion: null,
      },
    ]
    deriveMissing(pm, beijing)
    expect(pm.resolution).toBe('于是决定先回退代码版本，观察一晚。')
  })

  it('a fix submitted, data being restored or secrets rotated are fixes too', () => {
    const pm = emptyPostmortem('Docs site offline')
    pm.summary = 'The docs site was offline for a day. We are working on restoring the search index.'
    pm.timeline = [entry('09:10 Two maintainers submit a fix to the DNS records')]
    deriveMissing(pm, march2)
    expect(pm.resolution).toContain('restoring the search index')
    expect(pm.resolution).toContain('submit a fix to the DNS records')
  })

  it('says a fix told in the summary once, even when the timeline was taken from that same sentence', () => {
    const pm = emptyPostmortem('Checkout outage')
    pm.summary =
      'At 14:05 UTC the checkout API started returning errors to every user. At 14:40 UTC we rolled back the deploy and checkout recovered.'
    const sure = deriveMissing(pm, march2)
    expect(pm.timeline.map((e) => [e.at, e.text])).toEqual([
      ['2024-03-02T14:05:00.000Z', 'At 14:05 UTC the checkout API started returning errors to every user.'],
      ['2024-03-02T14:40:00.000Z', 'At 14:40 UTC we rolled back the deploy and checkout recovered.'],
    ])
    expect(pm.resolution).toBe('At 14:40 UTC we rolled back the deploy and checkout recovered.')
    expect(sure).toEqual({ timeline: SURE.derived, symptom: SURE.derived, resolution: SURE.derived })
  })

  it('takes a Chinese timeline from sentences that name a time', () => {
    const pm = emptyPostmortem('签到')
    pm.summary = '当天晚上8点，客服反馈大量用户签到失败。晚上9点回滚版本后恢复正常。'
    deriveMissing(pm, beijing)
    expect(pm.timeline.map((e) => e.at)).toEqual(['2023-10-12T12:00:00.000Z', '2023-10-12T13:00:00.000Z'])
  })

  it('takes the moments of a timeline from how it was put right too', () => {
    const pm = emptyPostmortem('Uploads failing')
    pm.summary = 'At 09:12 UTC uploads began failing for every customer.'
    pm.resolution =
      'At 10:05 UTC we re-registered the storage provider. At 10:30 UTC uploads worked again for everyone.'
    deriveMissing(pm, march2)
    expect(pm.timeline.map((e) => e.at)).toEqual([
      '2024-03-02T09:12:00.000Z',
      '2024-03-02T10:05:00.000Z',
      '2024-03-02T10:30:00.000Z',
    ])
  })

  it('keeps a sentence that names when the incident began and ended out of the timeline: its window, not a moment', () => {
    const pm = emptyPostmortem('Expired certificates')
    pm.summary =
      'Between 2024-03-01 21:27 UTC and 2024-03-02 07:27 UTC the site ran with expired certificates. At 07:27 UTC we renewed them by hand.'
    deriveMissing(pm, march2)
    expect(pm.timeline.map((e) => e.text)).toEqual(['At 07:27 UTC we renewed them by hand.'])
  })

  it('with a root-cause section, adds the conclusion a section nothing else took states with a strong cue', () => {
    const pm = emptyPostmortem('Full GC')
    pm.rootCause = '内存空间足够，也没有做过调整。'
    pm.unmapped = [
      {
        heading: '线下分析',
        text: '压测了三个版本。所以至此基本明确了，队列消息消费太慢是造成本次故障的主要原因。',
        suggestion: null,
      },
    ]
    deriveMissing(pm, beijing)
    expect(pm.rootCause).toBe(
      '内存空间足够，也没有做过调整。\n\n所以至此基本明确了，队列消息消费太慢是造成本次故障的主要原因。',
    )
  })

  it('with a resolution section, adds the timeline moment that says it was fixed', () => {
    const pm = emptyPostmortem('Surveys broke')
    pm.resolution = 'We reverted the changes and released version 1.270.1.'
    pm.timeline = [
      entry('14:10 - Issue reported by a customer'),
      entry('14:59 - Reverts deployed, issue mitigated'),
    ]
    deriveMissing(pm, march2)
    expect(pm.resolution).toBe(
      'We reverted the changes and released version 1.270.1.\n\n14:59 - Reverts deployed, issue mitigated',
    )
  })

  it('with a resolution section of the lasting fix, adds what brought the service back, told in the investigation', () => {
    const pm = emptyPostmortem('FullGC')
    pm.resolution = '1. 消息发送改为同步。\n2. 去除 replace 代码逻辑。'
    pm.unmapped = [
      {
        heading: '线上分析',
        text: 'jstat 查看 FullGC 达到 200 多次。\n\n为减少故障影响，决定先回退代码版本。回退版本发布后，应用服务能力恢复正常。',
        suggestion: null,
      },
    ]
    deriveMissing(pm, beijing)
    expect(pm.resolution).toBe(
      '为减少故障影响，决定先回退代码版本。回退版本发布后，应用服务能力恢复正常。\n\n1. 消息发送改为同步。\n2. 去除 replace 代码逻辑。',
    )
  })

  it('takes a moment from each paragraph that opens with its day', () => {
    const pm = emptyPostmortem('CDN 404s')
    pm.summary =
      'On 13 April 2026, a subset of CDN servers were configured to use an experimental change. It backfired.\n\nThe next day, on 14 April 2026, we tested again.\n\nOn 14 April 2026, the change was rolled back.'
    deriveMissing(pm, march2)
    expect(pm.timeline.map((e) => e.text)).toEqual([
      'On 13 April 2026, a subset of CDN servers were configured to use an experimental change.',
      'The next day, on 14 April 2026, we tested again.',
      'On 14 April 2026, the change was rolled back.',
    ])
  })

  it('a paragraph that is only a date signs the notice: it is no moment', () => {
    const pm = emptyPostmortem('镜像站服务受影响')
    pm.summary =
      '2026年5月8日，由于学校网络基础设施发生计划外调整，镜像站的可用性受到了较大影响。\n\n镜像站运维团队\n\n2026年5月28日'
    deriveMissing(pm, beijing)
    expect(pm.timeline.map((e) => e.text)).toEqual([
      '2026年5月8日，由于学校网络基础设施发生计划外调整，镜像站的可用性受到了较大影响。',
    ])
  })

  it('finds the root cause in a cue sentence of the notes, with the confidence of the cue', () => {
    const pm = emptyPostmortem('签到')
    pm.symptom = '签到列表未更新。'
    pm.unmapped = [
      {
        heading: '排查',
        text: '查看日志后发现，问题原因是缓存过期时间设置成了一天。',
        suggestion: 'rootCause',
      },
    ]
    const sure = deriveMissing(pm, beijing)
    expect(pm.rootCause).toBe('查看日志后发现，问题原因是缓存过期时间设置成了一天。')
    expect(sure.rootCause).toBe(SURE.sentence)

    const weak = emptyPostmortem('Login')
    weak.summary = 'Logins failed due to an expired certificate.'
    expect(deriveMissing(weak, march2).rootCause).toBe(SURE.weakSentence)
  })

  it("keeps the summary's own statement of why beside a stronger cue found later in the story", () => {
    const pm = emptyPostmortem('Stale prime version')
    pm.summary =
      'A bug in the federation-redirect health checks kept the reference version from being updated.'
    pm.timeline = [
      entry('11:00 The logs show that the version mismatch is the cause of the drop in traffic.'),
    ]
    deriveMissing(pm, march2)
    expect(pm.rootCause).toBe(
      'A bug in the federation-redirect health checks kept the reference version from being updated.\n\n' +
        '11:00 The logs show that the version mismatch is the cause of the drop in traffic.',
    )
  })

  it('adds the cause the summary states after its headline to a root-cause section that does not say it', () => {
    const pm = emptyPostmortem('Login outage')
    pm.summary =
      'Logins failed for an hour because the gateway rejected tokens. The event was triggered by a proxy upgrade that dropped forwarded headers.'
    pm.rootCause = '- Header checks before the migration missed one header.\n- Detection took too long.'
    deriveMissing(pm, march2)
    expect(pm.rootCause).toBe(
      '- Header checks before the migration missed one header.\n- Detection took too long.\n\nThe event was triggered by a proxy upgrade that dropped forwarded headers.',
    )
  })

  it('adds what went wrong, told in the summary (two sentences at most), to a symptom section that does not say it', () => {
    const pm = emptyPostmortem('从库雪崩')
    pm.summary =
      '周三晚高峰，所有从库出现连接堆积，查询大量超时。下单接口无法访问。报表任务失败。杀查询后恢复。'
    pm.symptom = 'CPU 使用率升至 80%。\n\n![cpu](cpu.png)'
    deriveMissing(pm, beijing)
    expect(pm.symptom).toBe(
      'CPU 使用率升至 80%。\n\n![cpu](cpu.png)\n\n周三晚高峰，所有从库出现连接堆积，查询大量超时。 下单接口无法访问。',
    )
  })

  it('adds the fix the summary names to a resolution section that does not say it', () => {
    const pm = emptyPostmortem('Checkout outage')
    pm.summary = 'Checkout failed for 20 minutes. The config change was rolled back within the hour.'
    pm.resolution = 'We added schema validation to the config pipeline.'
    deriveMissing(pm, march2)
    expect(pm.resolution).toBe(
      'We added schema validation to the config pipeline.\n\nThe config change was rolled back within the hour.',
    )
  })

  it('without a lessons section, takes the sentences that say what was learned, wherever they are', () => {
    const pm = emptyPostmortem('S3 provider')
    pm.unmapped = [
      {
        heading: 'Mitigation',
        text: 'At 10:37 I sent the email to two more people. This is something that needs to be improved for future incident announcements.',
        suggestion: null,
      },
    ]
    pm.summary = '这次的教训是：上线前必须在预发环境验证配置。'
    deriveMissing(pm, march2)
    expect(pm.lessons).toEqual([
      '这次的教训是：上线前必须在预发环境验证配置。',
      'This is something that needs to be improved for future incident announcements.',
    ])
  })

  it('leaves fields it has nothing for empty, and says nothing about fields already there', () => {
    const pm = emptyPostmortem('x')
    pm.symptom = 'Slow.'
    pm.rootCause = 'A cold cache.'
    pm.resolution = 'Warmed it.'
    pm.timeline = [entry('We warmed the cache.')]
    expect(deriveMissing(pm, march2)).toEqual({})
    expect([pm.symptom, pm.rootCause, pm.resolution]).toEqual(['Slow.', 'A cold cache.', 'Warmed it.'])

    const empty = emptyPostmortem('y')
    expect(deriveMissing(empty, march2)).toEqual({})
    expect([empty.symptom, empty.rootCause, empty.resolution, empty.timeline]).toEqual(['', '', '', []])
  })

  it('confidence values are between 0 and 1, all below the "check this" line', () => {
    for (const value of [SURE.sentence, SURE.weakSentence, SURE.derived, SURE.partialHeading])
      expect(value).toBeGreaterThan(0)
    for (const value of [SURE.sentence, SURE.weakSentence, SURE.derived]) expect(value).toBeLessThan(UNSURE)
    expect(SURE.heading).toBeGreaterThanOrEqual(UNSURE)
  })
})

describe('isMetaLine', () => {
  it.each([
    ['**Date:** 2020/04/18', true],
    ['Authors: Ada, Grace', true],
    ['Created by: [Katharine Berry](https://github.com/Katharine)', true],
    ['**日期**：2023-10-12', true],
    ['Impact: users could not log in for an hour.', false],
    ['Checkout returned errors for 40 minutes.', false],
  ])('%s → %s', (line, meta) => {
    expect(isMetaLine(line)).toBe(meta)
  })

  it('a short summary’s sentence that retells a field’s own section in other words joins that field', () => {
    const pm = emptyPostmortem('Certificates expired')
    pm.summary =
      'hex.pm served expired certificates for ten hours. Our certificate renewal job depended on an external renewal service which was shut down last month. We apologise.'
    pm.symptom = 'Browsers refused to connect to hex.pm.'
    pm.rootCause =
      'The certificate renewal job called an external renewal service; that service was shut down, so the job failed silently.'
    pm.resolution = 'We renewed the certificates by hand.'
    deriveMissing(pm, march2)
    expect(pm.rootCause).toContain('Our certificate renewal job depended on an external renewal service')
    expect(pm.resolution).not.toContain('external renewal service')
    expect(pm.rootCause).not.toContain('We apologise')
  })

  it('a page’s field ("- **Status**: Resolved at …") or its markup is not a moment of the story', () => {
    const pm = emptyPostmortem('TLS dropped')
    pm.summary = [
      '- **Status**: Resolved at 2020-04-15 15:09 UTC',
      '<div class="subtitle"><time datetime="2025-08-01T00:00:00Z">1 August, 2025</time> by the team</div>',
      'At 10:58 UTC the first IE11 users reported that no page would load.',
    ].join('\n\n')
    deriveMissing(pm, march2)
    expect(pm.timeline.map((e) => e.text)).toEqual([
      'At 10:58 UTC the first IE11 users reported that no page would load.',
    ])
  })
})
