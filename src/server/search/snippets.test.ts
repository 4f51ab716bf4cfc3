import { describe, expect, it } from 'vitest'
import { excerpt, snippetsFor, termMatches, type Snippet, type SnippetSource } from './snippets'
import { expandQuery } from './expand-query'
import { queryTerms } from './tokenize'

const doc = (fields: Partial<SnippetSource>): SnippetSource => ({
  title: 'Untitled',
  symptom: '',
  rootCause: '',
  resolution: '',
  verification: '',
  detection: '',
  impact: '',
  summary: '',
  hypotheses: [],
  lessons: [],
  timeline: [],
  openQuestions: [],
  actionItems: [],
  ...fields,
})

/** The highlighted parts of a snippet, as text. */
const marked = (s: Snippet) => s.highlights.map(([a, b]) => s.text.slice(a, b))
/** Snippets for a query as the search computes them: the query's terms and those of its other forms. */
const snippets = (source: SnippetSource, q: string, options?: Parameters<typeof snippetsFor>[2]) =>
  snippetsFor(
    source,
    [q, ...expandQuery(q)].map((q) => queryTerms(q)),
    options,
  )

describe('termMatches', () => {
  it('finds a Chinese phrase as adjacent bigrams, and a two-character word inside a sentence', () => {
    const text = 'uid没有建索引，主从延迟导致缓存未更新'
    expect(termMatches(text, queryTerms('索引')).map((m) => text.slice(m.start, m.end))).toEqual(['索引'])
    expect(termMatches(text, queryTerms('主从延迟')).map((m) => text.slice(m.start, m.end))).toEqual([
      '主从延迟',
    ])
    expect(termMatches(text, queryTerms('延迟缓存'))).toEqual([]) // not adjacent: a 导 between
  })

  it('finds English words by their stem, as the index does, even when the stem is not what was written', () => {
    const text = 'Every deploy retried the keys; policies were replicated.'
    const found = (q: string) => termMatches(text, queryTerms(q)).map((m) => text.slice(m.start, m.end))
    expect(found('deploy')).toEqual(['deploy']) // stem deploi
    expect(found('retry')).toEqual(['retried']) // retri
    expect(found('key')).toEqual(['keys']) // kei
    expect(found('policy')).toEqual(['policies'])
    expect(found('REPLICATION')).toEqual(['replicated']) // prefix replic
    expect(found('ploy')).toEqual([]) // a prefix of a word, not any substring
  })

  it('finds a word written in full-width or capital letters, as the index folds it', () => {
    const text = 'ＲＥＤＩＳ timed out; Happy path only'
    const found = (q: string) => termMatches(text, queryTerms(q)).map((m) => text.slice(m.start, m.end))
    expect(found('redis')).toEqual(['ＲＥＤＩＳ'])
    expect(found('happiness')).toEqual(['Happy']) // both happi
  })

  it('matches a single Chinese character at the start of a token, as its prefix query does', () => {
    const text = '主库和从库'
    const found = termMatches(text, queryTerms('库')).map((m) => [m.start, m.end])
    expect(found).toEqual([[1, 2]]) // 库和; the final 库 only ends the bigram 从库
  })

  it('keeps offsets right around characters outside the Basic Multilingual Plane', () => {
    const text = '𠀀索引 index'
    const [m] = termMatches(text, queryTerms('索引'))
    expect(text.slice(m!.start, m!.end)).toBe('索引')
  })
})

describe('excerpt', () => {
  it('shows the window with the most distinct terms, from the start of its sentence', () => {
    const text =
      'The cache was cold for a while after the restart. '.repeat(6) +
      'Later the replica fell behind and the cache served stale rows. ' +
      'Nothing else happened.'
    const terms = queryTerms('replica cache')
    const part = excerpt(text, termMatches(text, terms))
    expect(part.text.startsWith('…Later the replica fell behind')).toBe(true)
    expect(part.highlights.map(([a, b]) => part.text.slice(a, b))).toEqual(['replica', 'cache'])
  })

  it('never starts inside a word', () => {
    const text = `${'word '.repeat(20)}indexing finished`
    const part = excerpt(text, termMatches(text, queryTerms('index')))
    expect(part.text).toMatch(/^…word /)
  })
})

describe('snippetsFor', () => {
  const pm = doc({
    title: '主库 CPU 打满',
    symptom: '接口大量超时',
    rootCause: 'A nightly job scanned the primary without an index.',
    hypotheses: [
      { statement: '白名单没有更新', status: 'ELIMINATED', evidence: '新机房 IP 已在白名单中' },
      { statement: 'Slow query', status: 'CONFIRMED', evidence: 'The deploy added a full scan' },
    ],
    lessons: [{ text: '每次上线前检查执行计划' }],
    timeline: [{ kind: 'ATTEMPT', text: 'Rolled back the deploy at 10:05' }],
    openQuestions: [{ text: 'Why no alert?', answer: 'The pager rotation was empty' }],
    actionItems: [{ title: 'Add an index on uid' }],
    tags: ['mysql', 'capacity'],
    services: ['checkout'],
  })

  it('says which field matched, with the hypothesis verdict, and highlights the words', () => {
    const [first] = snippets(pm, '白名单')
    expect(first).toMatchObject({ field: 'hypothesis', status: 'ELIMINATED' })
    expect(marked(first!)).toEqual(['白名单', '白名单'])
  })

  it('puts the field with the most distinct terms first', () => {
    const found = snippets(pm, 'deploy scan')
    expect(found[0]).toMatchObject({ field: 'hypothesis', status: 'CONFIRMED' })
    expect(marked(found[0]!)).toEqual(['deploy', 'scan'])
    expect(found.map((s) => s.field)).toContain('rootCause') // scanned
  })

  it('explains a match through the glossary in the other language', () => {
    // 主库 → primary: the root cause says "primary"; the title says 主库 itself.
    const found = snippets(pm, '主库')
    expect(found.map((s) => s.field)).toEqual(['rootCause', 'title'])
    expect(marked(found[0]!)).toEqual(['primary'])
    expect(marked(found[1]!)).toEqual(['主库'])
  })

  it('shows the title when only the title matches', () => {
    const found = snippets(pm, 'CPU')
    expect(found).toEqual([{ field: 'title', text: '主库 CPU 打满', highlights: [[3, 6]] }])
  })

  it('leaves the title out when the other snippets already show every term it holds', () => {
    const titled = doc({ title: 'Index missing', rootCause: 'The index was dropped' })
    expect(snippets(titled, 'index').map((s) => s.field)).toEqual(['rootCause'])
  })

  it('reads every field the index holds: open-question answers, action items, tags and services', () => {
    expect(snippets(pm, 'pager')[0]).toMatchObject({ field: 'openQuestion' })
    expect(snippets(pm, 'uid')[0]).toMatchObject({ field: 'actionItem' })
    expect(snippets(pm, 'mysql')[0]).toMatchObject({ field: 'tag', text: 'mysql, capacity' })
    expect(snippets(pm, 'checkout')[0]).toMatchObject({ field: 'service', text: 'checkout' })
    expect(snippets(pm, '执行计划')[0]).toMatchObject({ field: 'lesson' })
  })

  it('shows only the fields a scope searches', () => {
    expect(snippets(pm, '白名单', { scope: 'confirmed' })).toEqual([])
    expect(snippets(pm, 'scan', { scope: 'confirmed' }).map((s) => s.field)).toEqual([
      'rootCause',
      'hypothesis',
    ])
    expect(snippets(pm, 'scan', { scope: 'hypotheses' }).map((s) => s.field)).toEqual(['hypothesis'])
  })

  it('highlights a phrase whose bigrams the index holds in a row, as the tsquery matches it', () => {
    const split = doc({ summary: '无关的一句话。主从、从延、延迟都出现了。' })
    const [only] = snippets(split, '主从延迟')
    expect(marked(only!)).toEqual(['主从、从延、延迟'])
  })

  it('falls back to the sentence that shares the most tokens when no field holds a whole term', () => {
    // A stale index (written by an older tokenizer) can match where the text no longer does.
    const partial = doc({ summary: '无关的一句话。主从切换之后，延迟恢复了。另一句话。' })
    const [only, ...rest] = snippets(partial, '主从延迟')
    expect(rest).toEqual([])
    expect(only).toMatchObject({ field: 'summary', text: '主从切换之后，延迟恢复了。' })
    expect(marked(only!)).toEqual(['主从', '延迟'])
  })

  it('returns nothing when no text shares a token with the query', () => {
    expect(snippets(pm, '量子纠缠')).toEqual([])
  })

  it('keeps at most `max` snippets, and every one has a highlight inside its text', () => {
    const many = doc({
      timeline: Array.from({ length: 10 }, (_, i) => ({ kind: 'OBSERVATION', text: `cache miss ${i}` })),
    })
    const found = snippets(many, 'cache', { max: 3 })
    expect(found).toHaveLength(3)
    for (const s of found) {
      expect(s.highlights.length).toBeGreaterThan(0)
      for (const [a, b] of s.highlights) expect(s.text.slice(a, b)).toBe('cache')
    }
  })

  it('cuts a long field around the match and marks the cut', () => {
    const long = doc({
      summary: `${'很长的背景介绍。'.repeat(40)}最后发现是索引缺失。${'后续补充说明。'.repeat(40)}`,
    })
    const [s] = snippets(long, '索引')
    expect(s!.text.length).toBeLessThanOrEqual(182)
    expect(s!.text.startsWith('…最后发现是索引缺失。')).toBe(true)
    expect(s!.text.endsWith('…')).toBe(true)
    expect(marked(s!)).toEqual(['索引'])
  })
})
