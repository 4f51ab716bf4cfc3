import { describe, expect, it } from 'vitest'
import { expandQuery } from './expand-query'

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
})
