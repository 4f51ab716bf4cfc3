import { describe, expect, it } from 'vitest'
import { classifyHeading, cuePattern, hasCue, matchHeading, normalizeHeading } from './vocabulary'

describe('matchHeading', () => {
  it.each([
    ['Root cause of the outage', 'rootCause'],
    ['本次故障的原因', 'rootCause'],
    ['一、问题现象', 'symptom'],
    ['3. Action Items', 'actionItems'],
    ['Timeline (UTC)', 'timeline'],
    ['Root cause: config drift', 'rootCause'],
    ['经验教训 —— 写给未来', 'lessons'],
    ['第二章 时间线', 'timeline'],
    ['What happened', 'symptom'],
    ['Follow-ups', 'actionItems'],
    ['影响范围：', 'impact'],
    ['Underlying cause', 'rootCause'],
    ['What caused the incident?', 'rootCause'],
    ['故障定位', 'rootCause'],
    ['止损', 'resolution'],
    ['临时解决方案', 'resolution'],
    ["What didn't go well", 'lessons'],
    ['What Worked / What Failed', 'lessons'],
    ['Things that went poorly', 'lessons'],
    ['Mitigations', 'resolution'],
    ['Primary Cause', 'rootCause'],
    ['Remediation plan', 'actionItems'],
    ['Who was affected', 'impact'],
    ['📖 Lessons Learned', 'lessons'],
    ['⏱️ Incident Timeline', 'timeline'],
    ['What Went Well ✅', 'lessons'],
    ['📊 Impact Summary', 'impact'],
    ['症状', 'symptom'],
    ['处置（Mitigation）', 'resolution'],
    ['系统性原因', 'rootCause'],
    ['Detection & Response', 'detection'],
  ])('%s names %s for sure', (heading, field) => {
    expect(matchHeading(heading)).toEqual({ field, sure: true })
  })

  it.each([
    ['总结与展望', 'lessons'],
    ['Root cause and fix', 'rootCause'],
    ['故障原因分析', 'rootCause'],
    ['Lessons learned from the outage', 'lessons'],
    ['Action items for the payments team', 'actionItems'],
  ])('%s probably names %s (not sure)', (heading, field) => {
    expect(matchHeading(heading)).toEqual({ field, sure: false })
  })

  it.each([
    'Issue 1: checkout down',
    'Incident 2: DNS resolution failing',
    '线上部分用户签到列表未更新',
    '问题一：登录超时',
    'Checkout service',
    'Weather that day',
    '',
  ])('does not classify the incident title or unrelated heading %j', (heading) => {
    expect(matchHeading(heading)).toBeNull()
    expect(classifyHeading(heading)).toBeNull()
  })

  it('a single known word inside a long heading is not enough', () => {
    expect(
      classifyHeading('Why the nightly backup job silently skipped the orders database impact'),
    ).toBeNull()
  })
})

describe('normalizeHeading', () => {
  it('drops numbering, emphasis and trailing punctuation', () => {
    expect(normalizeHeading('**1.2 Root Cause:**')).toBe('root cause')
    expect(normalizeHeading('三、 解决方案：')).toBe('解决方案')
    expect(normalizeHeading('Why?')).toBe('why')
  })
})

describe('cue patterns', () => {
  it('treat Latin cue words as whole words', () => {
    expect(hasCue('The site was down for an hour', 'symptom')).toBe(true)
    expect(hasCue('The downstream service answered normally', 'symptom')).toBe(false)
    expect(hasCue('errors everywhere', 'symptom')).toBe(true)
    expect(hasCue('night terrors', 'symptom')).toBe(false)
  })

  it('find Chinese cue words inside a sentence', () => {
    expect(hasCue('支付服务报错了', 'symptom')).toBe(true)
    expect(hasCue('由于磁盘写满，服务无法写日志', 'rootCauseWeak')).toBe(true)
    expect(hasCue('今天天气很好', 'symptom')).toBe(false)
  })

  it('ignore case and extra spaces inside a phrase', () => {
    expect(hasCue('The ROOT  CAUSE was a typo', 'rootCauseStrong')).toBe(true)
    expect(cuePattern('rootCauseWeak').test('Errors spiked due to a bad deploy')).toBe(true)
  })

  it('match the longest phrase first', () => {
    expect(cuePattern('suspect').exec('我们怀疑是否是主从延迟')?.[0]).toBe('怀疑是否是')
  })
})
