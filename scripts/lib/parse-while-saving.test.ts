import { describe, expect, it } from 'vitest'
import { parseWhileSaving } from './parse-while-saving'

describe('parseWhileSaving', () => {
  it('saves every batch in order, parsing the next while one is saved', async () => {
    const events: string[] = []
    await parseWhileSaving(
      [1, 2, 3, 4, 5],
      2,
      (n) => {
        events.push(`parse ${n}`)
        return n * 10
      },
      async (parsed) => {
        events.push(`save ${parsed.join(',')} starts`)
        await new Promise((resolve) => setTimeout(resolve, 20))
        events.push(`save ${parsed.join(',')} ends`)
      },
    )
    expect(events).toEqual([
      'parse 1',
      'parse 2',
      'save 10,20 starts',
      'parse 3',
      'parse 4',
      'save 10,20 ends',
      'save 30,40 starts',
      'parse 5',
      'save 30,40 ends',
      'save 50 starts',
      'save 50 ends',
    ])
  })

  it('stops at the first save that fails and throws its error', async () => {
    const saved: number[][] = []
    await expect(
      parseWhileSaving(
        [1, 2, 3],
        1,
        (n) => n,
        async (parsed) => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          if (parsed[0] === 2) throw new Error('database refused')
          saved.push(parsed)
        },
      ),
    ).rejects.toThrow('database refused')
    expect(saved).toEqual([[1]])
  })
})
