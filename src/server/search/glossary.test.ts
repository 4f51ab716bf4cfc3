import { describe, expect, it } from 'vitest'
import { expandQuery } from './expand-query'
import glossary from './glossary.json'

const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u
const isChinese = (phrase: string) => HAN.test(phrase)
/** A phrase with Latin letters and no Chinese: the English side of a group. */
const isLatin = (phrase: string) => LATIN.test(phrase) && !HAN.test(phrase)

const { groups } = glossary

describe('glossary.json', () => {
  it('has at least 300 groups', () => {
    expect(groups.length).toBeGreaterThanOrEqual(300)
  })

  it('pairs at least one Chinese phrase with at least one Latin phrase in every group', () => {
    const oneSided = groups.filter((group) => !group.some(isChinese) || !group.some(isLatin))
    expect(oneSided).toEqual([])
  })

  it('puts each phrase in one group only', () => {
    const seen = new Map<string, number>()
    const repeated: string[] = []
    groups.forEach((group, i) =>
      group.forEach((phrase) => {
        const key = phrase.toLowerCase()
        const first = seen.get(key)
        if (first !== undefined && first !== i) repeated.push(phrase)
        else if (first === i) repeated.push(`${phrase} (twice in one group)`)
        seen.set(key, i)
      }),
    )
    expect(repeated).toEqual([])
  })

  it('writes phrases lower-case and trimmed, all-Chinese ones at least two characters (they match anywhere)', () => {
    const bad = groups
      .flat()
      .filter(
        (phrase) =>
          phrase !== phrase.trim() ||
          phrase !== phrase.toLowerCase() ||
          /\s{2}/.test(phrase) ||
          /^\p{Script=Han}$/u.test(phrase),
      )
    expect(bad).toEqual([])
  })
})

describe('expandQuery with the glossary', () => {
  it('translates common retro terms both ways', () => {
    expect(expandQuery('备份')).toContain('backup')
    expect(expandQuery('snapshot')).toContain('快照')
    expect(expandQuery('误删').some(isLatin)).toBe(true)
  })

  it('finds the other language for every phrase of the glossary', () => {
    const untranslated = groups.flat().filter((phrase) => {
      const out = expandQuery(phrase)
      return isChinese(phrase) ? !out.some(isLatin) : !out.some(isChinese)
    })
    expect(untranslated).toEqual([])
  })
})
