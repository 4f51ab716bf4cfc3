// The query set of bench:search, shared with the exactness test (exact-search.integration.test.ts).

type Scope = 'hypotheses' | 'confirmed'

/** At least a fifth are common terms that match a large share of the documents. */
export const benchQueries: { q: string; kind: string; scope?: Scope }[] = [
  { q: '缓存', kind: 'common, 2-char Chinese' },
  { q: 'cache', kind: 'common, English' },
  { q: '上线后', kind: 'common, Chinese phrase' },
  { q: 'latency', kind: 'common, English' },
  { q: 'after the deploy', kind: 'common, English phrase' },
  { q: '索引', kind: '2-char Chinese' },
  { q: '死锁', kind: '2-char Chinese' },
  { q: '主从', kind: '2-char Chinese' },
  { q: '主从延迟', kind: 'Chinese phrase' },
  { q: '缓存未更新', kind: 'Chinese phrase' },
  { q: '连接池耗尽', kind: 'Chinese phrase' },
  { q: 'replication lag', kind: 'English phrase' },
  { q: 'expired certificate', kind: 'English phrase' },
  { q: 'uid 索引', kind: 'mixed' },
  { q: 'redis 缓存', kind: 'mixed' },
  { q: 'MySQL 死锁', kind: 'mixed' },
  { q: 'replcation', kind: 'typo' },
  { q: 'certficate', kind: 'typo' },
  { q: '#4242', kind: 'rare (one title)' },
  { q: '索引', kind: 'scoped: hypotheses', scope: 'hypotheses' },
  { q: '主从延迟', kind: 'scoped: confirmed root causes', scope: 'confirmed' },
  { q: 'disk IO', kind: 'scoped: confirmed root causes', scope: 'confirmed' },
]
