import { describe, expect, it } from 'vitest'
import { queryTerms } from './tokenize'
import { bestCorrection, correctableWords, editDistance } from './typos'

describe('typos', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('cahce', 'cache')).toBe(1)
    expect(editDistance('replcation', 'replication')).toBe(1)
    expect(editDistance('repilcaion', 'replication')).toBe(2)
    expect(editDistance('index', 'index')).toBe(0)
  })

  it('corrects only Latin words of five letters or more', () => {
    expect(correctableWords(queryTerms('uid 索引 Replcation 4G cahce'))).toEqual([
      { text: 'replcation', stem: 'replcat' },
      { text: 'cahce', stem: 'cahc' },
    ])
  })

  it('picks the closest candidate within two edits, none if the word is among them', () => {
    expect(bestCorrection('replcation', ['replicate', 'replication', 'application'])).toBe('replication')
    expect(bestCorrection('zzzzz', ['cache'])).toBeNull()
    expect(bestCorrection('cache', ['caches', 'cache'])).toBeNull()
  })
})
