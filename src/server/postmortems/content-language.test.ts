import { describe, expect, it } from 'vitest'
import { contentLanguageOf, detectContentLanguage, detectLanguage } from './content-language'

const empty = {
  title: '',
  summary: '',
  symptom: '',
  detection: '',
  impact: '',
  rootCause: '',
  resolution: '',
  verification: '',
}

describe('content language', () => {
  it('reads Chinese prose as zh-CN, English prose as en', () => {
    expect(detectLanguage('上线后充值回调大量失败，新机房的出口IP不在白名单里')).toBe('zh-CN')
    expect(detectLanguage('Checkout callbacks failed after the data-centre move')).toBe('en')
  })

  it('keeps a Chinese text with English terms Chinese, and an English text quoting Chinese English', () => {
    expect(detectLanguage('MySQL replication lag 导致缓存过期')).toBe('zh-CN')
    expect(
      detectLanguage('The payment gateway logged 充值回调失败 for every callback sent from the new region'),
    ).toBe('en')
  })

  it('has no language without letters', () => {
    expect(detectLanguage('')).toBeNull()
    expect(detectLanguage('42 — 17:05')).toBeNull()
  })

  it('decides on the whole postmortem, not the title alone', () => {
    expect(
      detectContentLanguage({ ...empty, title: 'Redis', symptom: '缓存全部失效，数据库连接数打满' }),
    ).toBe('zh-CN')
  })

  it('falls back to the title for rows stored before the language was', () => {
    expect(contentLanguageOf({ language: null, title: '支付回调大量失败' })).toBe('zh-CN')
    expect(contentLanguageOf({ language: 'en', title: '支付回调大量失败' })).toBe('en')
    expect(contentLanguageOf({ language: 'fr', title: 'Outage' })).toBe('en')
  })
})
