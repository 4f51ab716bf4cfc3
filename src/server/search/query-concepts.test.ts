import { describe, expect, it } from 'vitest'
import { wholeStopWords } from './query-concepts'
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
