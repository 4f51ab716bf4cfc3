import { describe, expect, it } from 'vitest'
import { localeFromAcceptLanguage } from './config'

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,zh;q=0.8,en;q=0.5', 'zh-CN'],
    ['en;q=0.3,zh-CN;q=0.8', 'zh-CN'],
    ['de-DE', 'en'],
    ['', 'en'],
    ['zh;q=0,en', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected)
  })
})
