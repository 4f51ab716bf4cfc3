import { describe, expect, it } from 'vitest'
import { SLUG_MAX, slugify } from './slugify'

describe('slugify', () => {
  it('spells a Chinese name in pinyin, one word per character', () => {
    expect(slugify('移动联盟1.1版本上线总结回顾')).toBe(
      'yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu',
    )
    expect(slugify('重庆银行')).toBe('chong-qing-yin-hang') // read in context, not zhong
    expect(slugify('女儿旅行')).toBe('nv-er-lv-xing')
  })

  it('keeps the Latin parts of a mixed name', () => {
    expect(slugify('移动联盟 Mobile Alliance 1.2')).toBe('yi-dong-lian-meng-mobile-alliance-1-2')
    expect(slugify('支付宝·双十一 v2')).toBe('zhi-fu-bao-shuang-shi-yi-v2')
  })

  it('turns an English name into lower-case words', () => {
    expect(slugify('Mobile Alliance 1.1')).toBe('mobile-alliance-1-1')
    expect(slugify('  Café: Q3 launch!  ')).toBe('cafe-q3-launch')
    expect(slugify('ＡＢＣ Ⅱ')).toBe('abc-ii') // full-width and compatibility forms
  })

  it(`caps the length at ${SLUG_MAX} characters on a word boundary`, () => {
    const slug = slugify('移动联盟1.1版本上线总结回顾，以及后续的检查清单与复盘会议纪要')
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX)
    expect(slug).toMatch(/^yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu-[a-z]+$/)
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(SLUG_MAX))
  })

  it('falls back to a short random slug when there is nothing to spell', () => {
    for (const name of ['!!! ???', '——', '1.1', '한국어'])
      expect(slugify(name)).toMatch(/^launch-[a-z0-9]{1,6}$/)
  })
})
