import { describe, expect, it } from 'vitest'
import { idf } from '@node-rs/jieba/dict.js'
import { chineseWordWeight, wholeStopWords } from './query-concepts'
import { queryTerms, toTsQuery } from './tokenize'

describe('wholeStopWords', () => {
  it('searches the stop words of a query with other words as whole words, the rest as prefixes', () => {
    expect(toTsQuery(wholeStopWords(queryTerms('after the deploy 缓存')))).toBe(
      "'after' & 'the' & 'deploi':* & '缓存'",
    )
  })

  it('leaves a query of stop words only as typed', () => {
    expect(toTsQuery(wholeStopWords(queryTerms('the who')))).toBe("'the':* & 'who':*")
  })
})

describe('chineseWordWeight', () => {
  it('weighs a word by its general idf, from 0.2 to 1, and a word jieba does not know 1', () => {
    const idfOf = new Map(
      Buffer.from(idf)
        .toString('utf8')
        .split('\n')
        .map((line) => line.split(' '))
        .filter(([word, value]) => word && value)
        .map(([word, value]) => [word!, Number(value)]),
    )
    for (const word of ['主要', '情况', '系统', '缓存', '死锁', '浏览器', '的', '数据库']) {
      const value = idfOf.get(word)
      expect(value, word).toBeDefined()
      expect(chineseWordWeight(word), word).toBeCloseTo(Math.min(1, Math.max(0.2, (value! - 3.5) / 5)), 10)
    }
    expect(chineseWordWeight('主要')).toBeLessThan(chineseWordWeight('死锁'))
    expect(chineseWordWeight('手滑')).toBe(1)
    expect(chineseWordWeight('闪退')).toBe(1)
  })
})
