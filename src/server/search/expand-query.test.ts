import { describe, expect, it } from 'vitest'
import { expandQuery, expansions, phraseTerms } from './expand-query'
import { queryTerms, toTsQuery } from './tokenize'

describe('expandQuery', () => {
  it('translates operations terms both ways', () => {
    expect(expandQuery('主从延迟')).toEqual(['replication lag', 'replica lag'])
    expect(expandQuery('replication lag')).toEqual(['主从延迟', 'replica lag'])
    expect(expandQuery('uid 索引')).toEqual(['uid index'])
    expect(expandQuery('Whitelist')).toContain('白名单')
  })

  it('leaves queries without glossary terms alone, and matches English as whole words', () => {
    expect(expandQuery('uid')).toEqual([])
    expect(expandQuery('indexing')).toEqual([])
  })

  it('finds English phrases whatever their case, ſ (a long s) included', () => {
    expect(expandQuery('REPLICATION LAG')).toEqual(['主从延迟', 'replica lag'])
    expect(expandQuery('ſtale cache')).toContain('未更新 cache')
  })

  it("keeps a two-word phrase's words near each other, a longer one's as written when it has a word like 'of', else anywhere", () => {
    const tsQuery = (query: string) =>
      expansions(query).map(({ text, phrase }) => toTsQuery(phraseTerms(queryTerms(text), phrase)))
    expect(tsQuery('超时 redis')).toContain(
      "('time' <1> 'out' | 'time' <2> 'out' | 'time' <3> 'out') & 'redi':*",
    )
    expect(tsQuery('连接池耗尽')).toContain("'connect':* & 'pool':* & 'exhaust':*")
    expect(tsQuery('内存溢出')).toContain("('out' <-> 'of' <-> 'memori')")
  })
})
