import { describe, expect, it } from 'vitest'
import {
  documentTokens,
  queryTerms,
  toTsQuery,
  toTsVector,
  tsQueryAlternatives,
  tsQueryWords,
} from './tokenize'

describe('tokenize', () => {
  it('splits Chinese runs into overlapping bigrams and stems English words', () => {
    expect(documentTokens('uid没有建索引')).toEqual(['uid', '没有', '有建', '建索', '索引'])
    expect(documentTokens('Indexes and replicas were lagging')).toEqual([
      'index',
      'and',
      'replica',
      'were',
      'lag',
    ])
    expect(documentTokens('0.6/s → 80/s')).toEqual(['0', '6', 's', '80', 's'])
  })

  it('turns a query into phrases of bigrams and prefix stems, all required', () => {
    expect(toTsQuery(queryTerms('主从延迟'))).toBe("('主从' <-> '从延' <-> '延迟')")
    expect(toTsQuery(queryTerms('uid 索引'))).toBe("'uid':* & '索引'")
    expect(toTsQuery(queryTerms('replicas'))).toBe("'replica':*")
    expect(toTsQuery(queryTerms('库'))).toBe("'库':*")
    expect(toTsQuery(queryTerms('  !!! '))).toBeNull()
  })

  it('writes a weighted tsvector with positions that keep fields apart', () => {
    expect(
      toTsVector([
        { weight: 'A', text: '索引' },
        { weight: 'C', text: 'index 索引' },
      ]),
    ).toBe("'索引':1A,5C 'index':4C")
  })
})

describe('reading a tsquery back', () => {
  it('gives its words as written, quotes and backslashes undone, each once', () => {
    expect(tsQueryWords(`('it''s' <-> 'a\\\\b'):*AB | 'x':*B & 'x' & 'y':A & !'z'`)).toEqual([
      { word: "it's", prefix: false },
      { word: 'a\\b', prefix: false },
      { word: 'x', prefix: true },
      { word: 'y', prefix: false },
      { word: 'z', prefix: false },
    ])
  })

  it('splits a query into its top-level alternatives, not inside parentheses or lexemes', () => {
    expect(
      tsQueryAlternatives(`(('缓存' <-> '存未')) | ('缓存' & 'stale') | 'a|b' & ('x' | 'y') | 'it''s'`),
    ).toEqual([`(('缓存' <-> '存未'))`, `('缓存' & 'stale')`, `'a|b' & ('x' | 'y')`, `'it''s'`])
    expect(tsQueryAlternatives(toTsQuery(queryTerms('主从延迟 mysql'))!)).toEqual([
      toTsQuery(queryTerms('主从延迟 mysql')),
    ])
  })
})
